package io.pulseboard.query.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Replicas in one JVM: {@link #replica()} gives each hub its coordinator; the first claim of a
 * (panel, tick) wins and a published tick reaches every other replica at once. {@link #down} makes every
 * replica compute alone, as a Redis outage does.
 */
final class TestingTickCoordinator {
  private final Set<String> claimed = new HashSet<>();
  private final List<Replica> replicas = new ArrayList<>();
  volatile boolean down;

  synchronized TickCoordinator replica() {
    Replica replica = new Replica();
    replicas.add(replica);
    return replica;
  }

  private synchronized boolean claim(String key, long tick) {
    return down || claimed.add(key + ":" + tick);
  }

  private synchronized List<Replica> others(Replica self) {
    return replicas.stream().filter(r -> r != self).toList();
  }

  private final class Replica implements TickCoordinator {
    private Consumer<SharedTick> listener = tick -> {};

    @Override
    public CompletableFuture<Boolean> claim(String panelKey, long tick) {
      return CompletableFuture.completedFuture(TestingTickCoordinator.this.claim(panelKey, tick));
    }

    @Override
    public void publish(SharedTick tick) {
      if (!down) {
        others(this).forEach(r -> r.listener.accept(tick));
      }
    }

    @Override
    public void listen(Consumer<SharedTick> listener) {
      this.listener = listener;
    }

    @Override
    public void close() {}
  }
}
