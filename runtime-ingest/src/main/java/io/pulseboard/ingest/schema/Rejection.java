package io.pulseboard.ingest.schema;

/**
 * An event that does not fit, and why.
 *
 * @param reason the reason code
 * @param detail a short human message naming the field
 */
public record Rejection(DeadLetterReason reason, String detail) implements ParseResult {
  private static final int MAX_DETAIL = 300;

  public Rejection {
    if (detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL) + "...";
    }
  }
}
