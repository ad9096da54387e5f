package io.pulseboard.query.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;

/**
 * Lettuce set up so a missing Redis costs requests nothing: commands time out fast and are rejected at
 * once while the connection is down, and lettuce reconnects in the background.
 */
public final class RedisClients {
  /** Bounds the connection handshake, which may be slow while the JVM warms up. */
  private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);

  private RedisClients() {}

  public static RedisURI uri(String url) {
    RedisURI uri = RedisURI.create(url);
    uri.setTimeout(HANDSHAKE_TIMEOUT);
    return uri;
  }

  /** A client whose commands fail after {@code commandTimeout} or at once while disconnected. */
  public static RedisClient failFast(Duration commandTimeout) {
    RedisClient client = RedisClient.create();
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        .socketOptions(SocketOptions.builder().connectTimeout(HANDSHAKE_TIMEOUT).build())
        .build());
    return client;
  }
}
