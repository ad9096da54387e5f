package io.pulseboard.query.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** The {@code /api/v1/live} endpoint: plain WebSocket text frames carrying the JSON of CONTRACT.md. */
public class LiveWebSocketHandler extends TextWebSocketHandler {
  public static final String PATH = "/api/v1/live";

  private static final Logger LOG = LoggerFactory.getLogger(LiveWebSocketHandler.class);
  private static final String CONNECTION = LiveConnection.class.getName();

  private final LiveHub hub;
  private final LiveSettings settings;

  public LiveWebSocketHandler(LiveHub hub, LiveSettings settings) {
    this.hub = hub;
    this.settings = settings;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    LiveConnection connection = hub.connect(new JakartaTransport(session, settings.sendTimeLimit()));
    session.getAttributes().put(CONNECTION, connection);
    LOG.debug("live connection {} opened from {}", connection.id(), session.getRemoteAddress());
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message) {
    hub.onMessage(connection(session), message.getPayload());
  }

  @Override
  public void handleTransportError(WebSocketSession session, Throwable exception) {
    LOG.debug("live connection transport error: {}", exception.toString());
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    LiveConnection connection = connection(session);
    if (connection != null) {
      hub.disconnect(connection);
      LOG.debug("live connection {} closed: {}", connection.id(), status);
    }
  }

  private static LiveConnection connection(WebSocketSession session) {
    return (LiveConnection) session.getAttributes().get(CONNECTION);
  }
}
