package io.pulseboard.query.live;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * How the replicas of one dashboard share live refreshes: which replica computes a panel's tick, and how
 * the others receive what it computed. Implementations never fail a tick: when they cannot ask the other
 * replicas, this replica computes the tick itself.
 */
public interface TickCoordinator extends AutoCloseable {
  /**
   * Completes with true when this replica should compute the panel's tick: it won the tick, or there is
   * nobody to ask. False means another replica computes it and will {@link #publish} the result.
   */
  CompletableFuture<Boolean> claim(String panelKey, long tick);

  /** Hands a computed tick to the other replicas; best effort. */
  void publish(SharedTick tick);

  /** Where ticks published by other replicas are delivered (never this replica's own). */
  void listen(Consumer<SharedTick> listener);

  @Override
  void close();

  /** A replica on its own (no Redis): it computes every tick of its panels. */
  TickCoordinator ALONE = new TickCoordinator() {
    @Override
    public CompletableFuture<Boolean> claim(String panelKey, long tick) {
      return CompletableFuture.completedFuture(true);
    }

    @Override
    public void publish(SharedTick tick) {}

    @Override
    public void listen(Consumer<SharedTick> listener) {}

    @Override
    public void close() {}
  };
}
