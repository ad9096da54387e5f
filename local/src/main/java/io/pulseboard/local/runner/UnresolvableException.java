package io.pulseboard.local.runner;

/** A pod template refers to something that does not exist (yet): a Secret, a key, a runtime jar. */
final class UnresolvableException extends Exception {
  UnresolvableException(String message) {
    super(message);
  }
}
