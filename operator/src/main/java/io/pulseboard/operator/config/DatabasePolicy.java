package io.pulseboard.operator.config;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which ClickHouse databases each namespace may use, so that one team cannot create tables in another's
 * database. Written as {@code team-a=team_a_*,team-b=team_b}: a value ending in {@code *} is a prefix, any
 * other value one database. An empty policy lets every namespace use any database; a non-empty one lets a
 * namespace it does not list use none.
 */
public record DatabasePolicy(Map<String, String> allowedByNamespace) {
  public static final DatabasePolicy ALLOW_ALL = new DatabasePolicy(Map.of());

  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern DATABASE = Pattern.compile("[a-z][a-z0-9_]{0,47}\\*?");

  public DatabasePolicy {
    allowedByNamespace = Map.copyOf(allowedByNamespace);
  }

  /** Parses {@code namespace=database[*],...}; the message of a failure names the bad entry. */
  public static DatabasePolicy parse(String variable, String value) {
    Map<String, String> allowed = new TreeMap<>();
    for (String entry : value.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] pair = entry.split("=", -1);
      if (pair.length != 2 || !NAMESPACE.matcher(pair[0].trim()).matches()
          || !DATABASE.matcher(pair[1].trim()).matches()) {
        throw new IllegalArgumentException(variable + ": '" + entry.trim()
            + "' is not namespace=database or namespace=prefix*, e.g. team-a=team_a_*");
      }
      if (allowed.put(pair[0].trim(), pair[1].trim()) != null) {
        throw new IllegalArgumentException(variable + ": namespace '" + pair[0].trim() + "' is listed twice");
      }
    }
    return new DatabasePolicy(allowed);
  }

  public boolean allows(String namespace, String database) {
    if (allowedByNamespace.isEmpty()) {
      return true;
    }
    String allowed = allowedByNamespace.get(namespace);
    if (allowed == null || database == null) {
      return false;
    }
    return allowed.endsWith("*") ? database.startsWith(allowed.substring(0, allowed.length() - 1))
        : database.equals(allowed);
  }

  /** What the namespace may use, for a refusal's message. */
  public String describe(String namespace) {
    String allowed = allowedByNamespace.get(namespace);
    if (allowed == null) {
      return "the operator's database policy lists no database for namespace " + namespace;
    }
    return allowed.endsWith("*")
        ? "namespace " + namespace + " may only use databases starting with " + allowed.substring(0, allowed.length() - 1)
        : "namespace " + namespace + " may only use database " + allowed;
  }
}
