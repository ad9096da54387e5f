package io.pulseboard.query.config;

import io.pulseboard.query.live.LiveHub;
import io.pulseboard.query.live.LiveWebSocketHandler;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The raw WebSocket endpoint {@code /api/v1/live} (no STOMP). Browsers may connect from the page's own
 * origin and the configured allowed origins; non-browser clients send no Origin and are accepted.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class LiveEndpointConfiguration implements WebSocketConfigurer {
  /** Largest client message; subscribe messages are ~100 bytes. Larger ones close the connection with 1009. */
  private static final int MAX_CLIENT_MESSAGE = 16 * 1024;
  /**
   * The protocol has no binary messages; the container allocates this buffer for every connection, so it
   * stays small (at 5,000 viewers 16 KiB each would be 80 MB of heap for nothing).
   */
  private static final int MAX_CLIENT_BINARY_MESSAGE = 1024;

  private final LiveWebSocketHandler handler;
  private final List<String> allowedOrigins;

  public LiveEndpointConfiguration(LiveHub hub, QueryServiceProperties properties) {
    this.handler = new LiveWebSocketHandler(hub, properties.live());
    this.allowedOrigins = properties.allowedOrigins();
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    // Same origin is always allowed; PULSEBOARD_ALLOWED_ORIGINS adds others. A browser page elsewhere gets 403.
    registry.addHandler(handler, LiveWebSocketHandler.PATH).setAllowedOrigins(allowedOrigins.toArray(String[]::new));
  }

  @Bean
  ServletServerContainerFactoryBean webSocketContainer() {
    ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
    container.setMaxTextMessageBufferSize(MAX_CLIENT_MESSAGE);
    container.setMaxBinaryMessageBufferSize(MAX_CLIENT_BINARY_MESSAGE);
    return container;
  }
}
