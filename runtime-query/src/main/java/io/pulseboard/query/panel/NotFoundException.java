package io.pulseboard.query.panel;

/** A dashboard or panel this service does not serve. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
