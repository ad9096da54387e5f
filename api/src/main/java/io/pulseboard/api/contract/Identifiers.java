package io.pulseboard.api.contract;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The only way a name reaches SQL: validated against a strict pattern, then backquoted. User text that
 * fails the pattern never becomes part of a statement.
 */
public final class Identifiers {
  /** Longest identifier; leaves room for the suffixes of table names such as {@code _1m_mv}. */
  public static final int MAX_LENGTH = 48;

  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]*");

  /** Pulseboard's own columns; they start with an underscore, which user names may not, so they never clash. */
  private static final Set<String> BOOKKEEPING = Set.of(StreamNames.TIME, StreamNames.PARTITION,
      StreamNames.OFFSET, StreamNames.INGESTED_AT, StreamNames.SCHEMA_VERSION, StreamNames.BUCKET);

  private Identifiers() {}

  /** Returns why {@code name} is not a valid identifier, or null when it is. */
  public static String problem(String name) {
    if (name == null || name.isEmpty()) {
      return "is empty";
    }
    if (name.length() > MAX_LENGTH) {
      return "is " + name.length() + " characters long; the limit is " + MAX_LENGTH;
    }
    if (!VALID.matcher(name).matches()) {
      return "must start with a lower case letter and hold only lower case letters, digits and underscores";
    }
    return null;
  }

  public static String require(String name) {
    String problem = problem(name);
    if (problem != null) {
      throw new IllegalArgumentException("invalid identifier '" + printable(name) + "': " + problem);
    }
    return name;
  }

  /** Validates and backquotes one name. */
  public static String quote(String name) {
    return "`" + require(name) + "`";
  }

  /** Backquotes a column: one of the bookkeeping columns of {@link StreamNames}, or a validated user name. */
  public static String quoteColumn(String column) {
    return BOOKKEEPING.contains(column) ? "`" + column + "`" : quote(column);
  }

  /** Validates and backquotes {@code database.table}. */
  public static String quote(String database, String table) {
    return quote(database) + "." + quote(table);
  }

  private static String printable(String name) {
    if (name == null) {
      return "null";
    }
    String cut = name.length() > 64 ? name.substring(0, 64) + "..." : name;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
