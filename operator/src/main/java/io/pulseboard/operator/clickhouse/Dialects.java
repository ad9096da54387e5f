package io.pulseboard.operator.clickhouse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the dialect for a server from its {@code SELECT version()} answer: 23.8 and later get the modern
 * dialect; older servers, and versions that cannot be read, get the floor dialect, whose DDL every
 * supported server accepts.
 */
public final class Dialects {
  private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");
  private static final int MODERN_MAJOR = 23;
  private static final int MODERN_MINOR = 8;

  private Dialects() {}

  public static Dialect forVersion(String version) {
    Matcher m = MAJOR_MINOR.matcher(version == null ? "" : version.trim());
    if (!m.find()) {
      return FloorDialect.INSTANCE;
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    boolean modern = major > MODERN_MAJOR || (major == MODERN_MAJOR && minor >= MODERN_MINOR);
    return modern ? ModernDialect.INSTANCE : FloorDialect.INSTANCE;
  }
}
