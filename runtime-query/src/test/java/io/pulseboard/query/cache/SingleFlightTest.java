package io.pulseboard.query.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightTest {
  private final SingleFlight<String> flights = new SingleFlight<>();
  private final AtomicInteger loads = new AtomicInteger();

  @Test
  void concurrentCallersOfOneKeyShareOneLoad() {
    CompletableFuture<String> load = new CompletableFuture<>();

    CompletableFuture<String> first = flights.run("k", () -> { loads.incrementAndGet(); return load; });
    CompletableFuture<String> second = flights.run("k", () -> { loads.incrementAndGet(); return load; });
    load.complete("v");

    assertThat(loads).hasValue(1);
    assertThat(first.join()).isEqualTo("v");
    assertThat(second.join()).isEqualTo("v");
  }

  @Test
  void differentKeysLoadSeparately() {
    flights.run("a", () -> { loads.incrementAndGet(); return new CompletableFuture<>(); });
    flights.run("b", () -> { loads.incrementAndGet(); return new CompletableFuture<>(); });

    assertThat(loads).hasValue(2);
  }

  @Test
  void aFinishedLoadIsNotReused() {
    flights.run("k", () -> { loads.incrementAndGet(); return CompletableFuture.completedFuture("old"); }).join();

    String next = flights.run("k", () -> { loads.incrementAndGet(); return CompletableFuture.completedFuture("new"); }).join();

    assertThat(next).isEqualTo("new");
    assertThat(loads).hasValue(2);
  }

  @Test
  void aFailureReachesEveryWaiterAndIsForgotten() {
    CompletableFuture<String> load = new CompletableFuture<>();
    CompletableFuture<String> first = flights.run("k", () -> load);
    CompletableFuture<String> second = flights.run("k", () -> load);

    load.completeExceptionally(new IllegalStateException("boom"));

    assertThat(first).isCompletedExceptionally();
    assertThat(second).isCompletedExceptionally();
    assertThat(flights.run("k", () -> CompletableFuture.completedFuture("ok")).join()).isEqualTo("ok");
  }

  @Test
  void oneCallerCancellingDoesNotFailTheOthers() {
    CompletableFuture<String> load = new CompletableFuture<>();
    CompletableFuture<String> first = flights.run("k", () -> load);
    CompletableFuture<String> second = flights.run("k", () -> load);

    first.cancel(true);
    load.complete("v");

    assertThat(second.join()).isEqualTo("v");
  }
}
