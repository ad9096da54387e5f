package io.pulseboard.operator.config;

/** Log level of the operator's own classes (PULSEBOARD_LOG_LEVEL). */
public enum LogLevel {
  trace, debug, info, warn, error
}
