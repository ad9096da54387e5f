package io.pulseboard.query.live;

import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * Sends through the container's asynchronous remote endpoint, so no thread waits on a slow client; the
 * container fails a send that takes longer than the send time limit.
 */
final class JakartaTransport implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(JakartaTransport.class);

  private final WebSocketSession session;
  private final Session nativeSession;

  JakartaTransport(WebSocketSession session, Duration sendTimeLimit) {
    this.session = session;
    this.nativeSession = ((NativeWebSocketSession) session).getNativeSession(Session.class);
    this.nativeSession.getAsyncRemote().setSendTimeout(sendTimeLimit.toMillis());
  }

  @Override
  public void send(String text, Consumer<Throwable> done) {
    try {
      nativeSession.getAsyncRemote().sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
    } catch (RuntimeException e) {
      done.accept(e);
    }
  }

  @Override
  public void close(int code, String reason) {
    try {
      session.close(new CloseStatus(code, reason));
    } catch (IOException e) {
      LOG.debug("closing live connection {} failed: {}", session.getId(), e.toString());
    }
  }
}
