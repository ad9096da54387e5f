package io.pulseboard.query.panel;

/** A request the service cannot answer as asked; the message tells the caller what to change. */
public class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }
}
