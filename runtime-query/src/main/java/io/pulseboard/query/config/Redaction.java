package io.pulseboard.query.config;

import java.util.regex.Pattern;

/** Hides secrets in what is logged: passwords, and the user-info part of URLs. */
final class Redaction {
  private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@]*@");

  private Redaction() {}

  static String secret(String value) {
    return value == null || value.isEmpty() ? "<none>" : "<redacted>";
  }

  static String url(String url) {
    return url == null ? null : USER_INFO.matcher(url).replaceFirst("<redacted>@");
  }
}
