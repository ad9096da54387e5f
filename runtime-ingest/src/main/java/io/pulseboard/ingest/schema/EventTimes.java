package io.pulseboard.ingest.schema;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads event times: ISO-8601 instants with a zone ({@code 2024-05-01T12:00:00.250Z}) or epoch millis. */
final class EventTimes {
  private EventTimes() {}

  /** Epoch milliseconds of ISO-8601 text, or null when it is not an instant with Z or an offset. */
  static Long parseIso(String text) {
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }
}
