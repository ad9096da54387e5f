package io.pulseboard.query.live;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.pulseboard.query.cache.RedisClients;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replicas of one dashboard sharing one Redis: the first replica to {@code SET pb:live:<panel>:<tick> NX PX}
 * computes the tick and PUBLISHes the result on the dashboard's channel; the others get it from their
 * subscription. Ticks are epoch-aligned, so every replica names the same tick the same; the lock outlives
 * a few ticks so a replica whose clock lags a little still finds it taken.
 *
 * <p>Degrades, never stops: while either connection is down (or was never made), or a claim fails, this
 * replica computes its own ticks, as it would alone. Lettuce reconnects and re-subscribes in the
 * background; a first connection that failed is retried after {@code retryAfter}.
 */
public final class RedisTickCoordinator implements TickCoordinator {
  private static final Logger LOG = LoggerFactory.getLogger(RedisTickCoordinator.class);
  private static final String KEY_PREFIX = "pb:live:";

  private final RedisClient client;
  private final RedisURI uri;
  private final String channel;
  private final String origin = UUID.randomUUID().toString();
  private final JsonMapper json;
  private final Duration lockTtl;
  private final Duration retryAfter;
  private final Clock clock;
  private final AtomicBoolean connecting = new AtomicBoolean();
  private final AtomicBoolean healthy = new AtomicBoolean(true);
  private volatile Consumer<SharedTick> listener = tick -> {};
  private volatile StatefulRedisConnection<String, String> commands;
  private volatile StatefulRedisPubSubConnection<String, String> subscription;
  private volatile long nextAttemptAt;

  /**
   * @param channel the pub/sub channel of this dashboard's replicas (one per namespace and dashboard)
   * @param lockTtl how long a tick's lock lives: a few refresh intervals
   */
  public RedisTickCoordinator(String url, String channel, JsonMapper json, Duration commandTimeout, Duration lockTtl,
      Duration retryAfter, Clock clock) {
    this.uri = RedisClients.uri(url);
    this.channel = channel;
    this.json = json;
    this.lockTtl = lockTtl;
    this.retryAfter = retryAfter;
    this.clock = clock;
    this.client = RedisClients.failFast(commandTimeout);
    connectInBackground();
  }

  @Override
  public CompletableFuture<Boolean> claim(String panelKey, long tick) {
    StatefulRedisConnection<String, String> c = commands;
    StatefulRedisPubSubConnection<String, String> s = subscription;
    // Without a live subscription this replica would miss the winner's result: compute it here instead.
    if (c == null || s == null || !c.isOpen() || !s.isOpen()) {
      retryIfDue();
      return CompletableFuture.completedFuture(true);
    }
    return c.async().set(KEY_PREFIX + panelKey + ":" + tick, origin, SetArgs.Builder.nx().px(lockTtl.toMillis()))
        .toCompletableFuture()
        .thenApply(ok -> {
          markHealthy();
          return "OK".equals(ok);
        })
        .exceptionally(error -> {
          markUnhealthy(error);
          return true;
        });
  }

  @Override
  public void publish(SharedTick tick) {
    StatefulRedisConnection<String, String> c = commands;
    if (c == null || !c.isOpen()) {
      return;
    }
    c.async().publish(channel, json.writeValueAsString(new Envelope(origin, tick))).whenComplete((receivers, error) -> {
      if (error != null) {
        markUnhealthy(error);
      }
    });
  }

  @Override
  public void listen(Consumer<SharedTick> listener) {
    this.listener = listener;
  }

  private void received(String message) {
    try {
      Envelope envelope = json.readValue(message, Envelope.class);
      if (!origin.equals(envelope.origin())) {
        listener.accept(envelope.tick());
      }
    } catch (JacksonException e) {
      LOG.warn("ignoring an unreadable live tick on {}: {}", channel, e.getMessage());
    }
  }

  private void retryIfDue() {
    if ((commands == null || subscription == null) && clock.millis() >= nextAttemptAt) {
      connectInBackground();
    }
  }

  /** Opens the command connection, then the subscription; both or neither count. */
  private void connectInBackground() {
    if (!connecting.compareAndSet(false, true)) {
      return;
    }
    client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture()
        .thenCompose(c -> client.connectPubSubAsync(StringCodec.UTF8, uri).toCompletableFuture().thenCompose(s -> {
          s.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
              received(message);
            }
          });
          return s.async().subscribe(channel).toCompletableFuture().thenApply(ignored -> {
            subscription = s;
            commands = c;
            return s;
          });
        }).whenComplete((s, error) -> {
          if (error != null) {
            c.closeAsync();
          }
        }))
        .whenComplete((s, error) -> {
          if (error != null) {
            nextAttemptAt = clock.millis() + retryAfter.toMillis();
            markUnhealthy(error);
          } else {
            markHealthy();
          }
          connecting.set(false);
        });
  }

  private void markHealthy() {
    if (healthy.compareAndSet(false, true)) {
      LOG.info("Redis at {} is available again: replicas share live ticks", uri.getHost() + ":" + uri.getPort());
    }
  }

  private void markUnhealthy(Throwable error) {
    if (healthy.compareAndSet(true, false)) {
      LOG.warn("Redis at {} is unavailable: this replica computes its own live ticks until it returns: {}",
          uri.getHost() + ":" + uri.getPort(), error.toString());
    }
  }

  @Override
  public void close() {
    StatefulRedisPubSubConnection<String, String> s = subscription;
    if (s != null) {
      s.close();
    }
    StatefulRedisConnection<String, String> c = commands;
    if (c != null) {
      c.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  /** A published tick with the replica that computed it, so a replica ignores its own. */
  public record Envelope(String origin, SharedTick tick) {}
}
