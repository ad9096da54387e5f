package io.pulseboard.local.apiserver;

import java.time.Duration;

/** Ages as kubectl prints them: 45s, 3m12s, 5h, 2d3h, 40d. */
final class HumanDuration {
  private HumanDuration() {}

  static String format(Duration age) {
    long seconds = Math.max(0, age.getSeconds());
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      return minutes + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
    }
    if (minutes < 180) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      return hours + "h" + (minutes % 60 == 0 ? "" : minutes % 60 + "m");
    }
    if (hours < 48) {
      return hours + "h";
    }
    long days = hours / 24;
    if (days < 8) {
      return days + "d" + (hours % 24 == 0 ? "" : hours % 24 + "h");
    }
    return days + "d";
  }
}
