package io.pulseboard.operator.clickhouse;

/**
 * Encodes values as ClickHouse SQL literals. A string literal is quoted and every character that could
 * end it or change its meaning is escaped, so any text stays one value.
 */
public final class SqlLiterals {
  private SqlLiterals() {}

  /** A single-quoted string literal; backslash, quote and control characters are escaped. */
  public static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '\'') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  /** A non-negative integer literal; anything else (such as a partition value with other text) is refused. */
  public static String unsignedInteger(String value) {
    if (!value.matches("[0-9]{1,19}")) {
      throw new IllegalArgumentException("'" + value + "' is not an unsigned integer");
    }
    return value;
  }
}
