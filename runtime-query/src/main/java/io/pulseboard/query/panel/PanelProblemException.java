package io.pulseboard.query.panel;

/**
 * A panel that exists but cannot be queried (the operator found it invalid, or it does not resolve
 * against its stream): answered with 409, its reason and message.
 */
public class PanelProblemException extends BadRequestException {
  private final String reason;

  public PanelProblemException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
