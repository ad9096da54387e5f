package io.pulseboard.operator.status;

/** A finding that keeps a resource from being Ready, with the reason and message its condition shows. */
public record Problem(Reason reason, String message) {}
