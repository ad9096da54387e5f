package io.pulseboard.ingest.schema;

import io.pulseboard.api.v1alpha1.FieldType;

/** Values stored for missing optional fields (ClickHouse's own defaults), and the DateTime range. */
final class ColumnDefaults {
  /** DateTime is UInt32 seconds. */
  static final long MAX_DATETIME_SECONDS = 0xFFFF_FFFFL;

  private ColumnDefaults() {}

  static Object of(FieldType type) {
    return switch (type) {
      case string -> "";
      case bool -> Boolean.FALSE;
      case int64, datetime -> 0L;
      case float64 -> 0.0d;
    };
  }

  /** Epoch seconds of {@code millis}, or null when outside what a DateTime column can hold. */
  static Long dateTimeSeconds(long millis) {
    long seconds = Math.floorDiv(millis, 1000L);
    return seconds < 0 || seconds > MAX_DATETIME_SECONDS ? null : seconds;
  }
}
