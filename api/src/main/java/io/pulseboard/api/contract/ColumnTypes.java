package io.pulseboard.api.contract;

import io.pulseboard.api.v1alpha1.FieldType;

/** The ClickHouse column type of each field type. */
public final class ColumnTypes {
  private ColumnTypes() {}

  public static String of(FieldType type) {
    return switch (type) {
      case string -> "String";
      case int64 -> "Int64";
      case float64 -> "Float64";
      case bool -> "UInt8";
      case datetime -> "DateTime('UTC')";
    };
  }
}
