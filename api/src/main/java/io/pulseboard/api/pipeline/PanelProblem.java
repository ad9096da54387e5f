package io.pulseboard.api.pipeline;

/**
 * Why the operator found a panel invalid. The panel still reaches the query service, which answers its
 * data requests with 409 and this reason and message, so the page can show the panel's error.
 *
 * @param panel panel id
 * @param reason CamelCase reason, as in the PanelsValid condition (UnknownMeasure, StreamNotReady, ...)
 * @param message what is wrong, for a person
 */
public record PanelProblem(String panel, String reason, String message) {}
