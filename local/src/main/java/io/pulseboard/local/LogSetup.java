package io.pulseboard.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Sends SLF4J (slf4j-simple) output to a file, so the console shows only progress. Must run before the first
 * logger is created; a -D setting on the command line wins.
 */
final class LogSetup {
  private static final Map<String, String> DEFAULTS = Map.of(
      "org.slf4j.simpleLogger.showDateTime", "true",
      "org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS",
      "org.slf4j.simpleLogger.defaultLogLevel", "info",
      "org.slf4j.simpleLogger.log.org.apache.kafka", "warn",
      "org.slf4j.simpleLogger.log.com.clickhouse", "warn");

  private LogSetup() {}

  static Path toFile(Path file) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file.getParent(), e);
    }
    System.getProperties().putIfAbsent("org.slf4j.simpleLogger.logFile", file.toString());
    DEFAULTS.forEach((k, v) -> System.getProperties().putIfAbsent(k, v));
    return file;
  }
}
