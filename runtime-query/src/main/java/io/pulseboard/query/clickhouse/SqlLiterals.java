package io.pulseboard.query.clickhouse;

import io.pulseboard.api.v1alpha1.FieldType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The only way a value reaches SQL: parsed as its column's type, then written as a literal that cannot
 * end early. Numbers and booleans are re-printed from parsed Java values, so no input character survives
 * into them. Strings are single-quoted with backslash and quote escaped and ASCII control characters as
 * {@code \xHH}; other characters pass through as UTF-8, whose multi-byte sequences never contain an ASCII
 * byte, so no quote or backslash can be smuggled in. Unpaired surrogates have no UTF-8 form and are refused.
 */
public final class SqlLiterals {
  /** Longest accepted value, in chars: a filter value, not a document. */
  public static final int MAX_LENGTH = 1024;

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?([eE][-+]?[0-9]{1,3})?");
  private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,10}");
  /** 2100-01-01: ClickHouse DateTime is 32-bit and wraps soon after. */
  private static final long MAX_DATETIME = 4_102_444_800L;

  private SqlLiterals() {}

  /** Parses {@code text} as a value of {@code type} and returns its SQL literal. */
  public static String of(FieldType type, String text) {
    if (text == null) {
      throw new InvalidLiteralException("a value is missing");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidLiteralException("a value is " + text.length() + " characters long; the limit is " + MAX_LENGTH);
    }
    return switch (type) {
      case string -> string(text);
      case int64 -> int64(text);
      case float64 -> float64(text);
      case bool -> bool(text);
      case datetime -> dateTime(text);
    };
  }

  static String string(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        throw new InvalidLiteralException("a string value holds an unpaired surrogate at position " + i);
      } else if (c == '\\' || c == '\'') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  static String int64(String text) {
    String t = text.trim();
    if (!INTEGER.matcher(t).matches()) {
      throw new InvalidLiteralException("'" + printable(text) + "' is not an int64");
    }
    try {
      return Long.toString(Long.parseLong(t));
    } catch (NumberFormatException e) {
      throw new InvalidLiteralException("'" + printable(text) + "' is out of the int64 range");
    }
  }

  static String float64(String text) {
    String t = text.trim();
    if (!DECIMAL.matcher(t).matches()) {
      throw new InvalidLiteralException("'" + printable(text) + "' is not a float64");
    }
    double d = Double.parseDouble(t);
    // ClickHouse's parser refuses subnormal literals, and infinities are not numbers a filter can mean.
    if (Double.isInfinite(d) || (d != 0 && Math.abs(d) < Double.MIN_NORMAL)) {
      throw new InvalidLiteralException("'" + printable(text) + "' is out of the float64 range");
    }
    return Double.toString(d);
  }

  static String bool(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1" -> "1";
      case "false", "0" -> "0";
      default -> throw new InvalidLiteralException("'" + printable(text) + "' is not a boolean (true or false)");
    };
  }

  /** An ISO-8601 instant ({@code 2024-05-01T10:00:00Z}) or epoch seconds. */
  static String dateTime(String text) {
    String t = text.trim();
    long seconds;
    if (EPOCH_SECONDS.matcher(t).matches()) {
      seconds = Long.parseLong(t);
    } else {
      try {
        seconds = Instant.parse(t).getEpochSecond();
      } catch (DateTimeParseException e) {
        throw new InvalidLiteralException("'" + printable(text) + "' is not a date-time (ISO-8601 instant or epoch seconds)");
      }
    }
    if (seconds < 0 || seconds > MAX_DATETIME) {
      throw new InvalidLiteralException("'" + printable(text) + "' is outside the DateTime range");
    }
    return "toDateTime(" + seconds + ")";
  }

  /** Input echoed in an error message: cut short and reduced to printable ASCII. */
  private static String printable(String text) {
    String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
