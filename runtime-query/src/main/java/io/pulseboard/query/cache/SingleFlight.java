package io.pulseboard.query.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Collapses concurrent identical work into one: while a load for a key runs, every other caller of that
 * key waits for the same result. The entry is dropped when the load ends, so the next caller loads
 * afresh. Callers get copies, so one caller cancelling cannot fail the others.
 */
public final class SingleFlight<V> {
  private final ConcurrentHashMap<String, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

  public CompletableFuture<V> run(String key, Supplier<CompletableFuture<V>> load) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return running.copy();
    }
    try {
      load.get().whenComplete((value, error) -> {
        inFlight.remove(key, mine);
        if (error != null) {
          mine.completeExceptionally(error);
        } else {
          mine.complete(value);
        }
      });
    } catch (RuntimeException e) {
      inFlight.remove(key, mine);
      mine.completeExceptionally(e);
    }
    return mine.copy();
  }
}
