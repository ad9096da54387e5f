package io.pulseboard.query.cache;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis through lettuce, tuned so a missing Redis costs requests nothing: commands time out fast and are
 * rejected at once while the connection is down (lettuce reconnects in the background), and a first
 * connection that fails is retried later, asynchronously, never on a request's time. The outage and the
 * recovery are logged once each. Keys are text and answers bytes, sent to clients as they are stored.
 */
public final class RedisCacheStore implements CacheStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisCacheStore.class);
  private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

  private final RedisClient client;
  private final RedisURI uri;
  private final Duration retryAfter;
  private final Clock clock;
  private final AtomicBoolean connecting = new AtomicBoolean();
  private final AtomicBoolean healthy = new AtomicBoolean(true);
  private volatile StatefulRedisConnection<String, byte[]> connection;
  private volatile long nextAttemptAt;

  public RedisCacheStore(String url, Duration commandTimeout, Duration retryAfter, Clock clock) {
    this.uri = RedisClients.uri(url);
    this.retryAfter = retryAfter;
    this.clock = clock;
    this.client = RedisClients.failFast(commandTimeout);
    connectInBackground();
  }

  @Override
  public CompletableFuture<Optional<CachedAnswer>> get(String key) {
    StatefulRedisConnection<String, byte[]> c = usableConnection();
    if (c == null) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    // Both commands go out together on the one connection: a single round trip.
    RedisAsyncCommands<String, byte[]> commands = c.async();
    CompletableFuture<byte[]> value = commands.get(key).toCompletableFuture();
    CompletableFuture<Long> millisLeft = commands.pttl(key).toCompletableFuture();
    return value.thenCombine(millisLeft, (json, left) -> {
          markHealthy();
          // PTTL is negative when the entry expired between the two commands.
          return json == null || left <= 0 ? Optional.<CachedAnswer>empty() : Optional.of(new CachedAnswer(json, Duration.ofMillis(left)));
        })
        .exceptionally(error -> {
          markUnhealthy(error);
          return Optional.empty();
        });
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    StatefulRedisConnection<String, byte[]> c = usableConnection();
    if (c != null) {
      c.async().set(key, value, SetArgs.Builder.px(ttl.toMillis())).whenComplete((ok, error) -> {
        if (error != null) {
          markUnhealthy(error);
        }
      });
    }
  }

  /** The connection when it is up; otherwise null, after starting a retry if one is due. */
  private StatefulRedisConnection<String, byte[]> usableConnection() {
    StatefulRedisConnection<String, byte[]> c = connection;
    if (c == null) {
      if (clock.millis() >= nextAttemptAt) {
        connectInBackground();
      }
      return null;
    }
    return c.isOpen() ? c : null;
  }

  private void connectInBackground() {
    if (!connecting.compareAndSet(false, true)) {
      return;
    }
    client.connectAsync(CODEC, uri).whenComplete((c, error) -> {
      if (error != null) {
        nextAttemptAt = clock.millis() + retryAfter.toMillis();
        markUnhealthy(error);
      } else {
        connection = c;
        markHealthy();
      }
      connecting.set(false);
    });
  }

  private void markHealthy() {
    if (healthy.compareAndSet(false, true)) {
      LOG.info("Redis cache at {} is available again", redacted());
    }
  }

  private void markUnhealthy(Throwable error) {
    if (healthy.compareAndSet(true, false)) {
      LOG.warn("Redis cache at {} is unavailable, answering from ClickHouse until it returns: {}", redacted(), causes(error));
    }
  }

  private static String causes(Throwable error) {
    StringBuilder text = new StringBuilder(error.toString());
    for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      text.append("; caused by ").append(cause);
    }
    return text.toString();
  }

  private String redacted() {
    return uri.getHost() + ":" + uri.getPort();
  }

  @Override
  public void close() {
    StatefulRedisConnection<String, byte[]> c = connection;
    if (c != null) {
      c.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
