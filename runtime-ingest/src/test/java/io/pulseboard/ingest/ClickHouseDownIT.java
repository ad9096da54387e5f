package io.pulseboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.services.ClickHouseProcess;
import io.pulseboard.services.Endpoints;
import io.pulseboard.services.SharedServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ClickHouse stopped for 30 s while events keep arriving. This test runs its own ClickHouse server (the
 * shared one serves the other tests) and stops the process for real.
 */
class ClickHouseDownIT {
  private static final int MAX_ROWS = 5_000;
  private static final long MAX_BYTES = 256 * 1024;
  /** Room for the one event that tips a batch over its byte limit. */
  private static final long ONE_EVENT = 1024;
  /** The worker holds two batches at most: one handed over for storing, one being filled. */
  private static final int MAX_HELD_EVENTS = 2 * MAX_ROWS;
  private static final long MAX_HELD_BYTES = 2 * (MAX_BYTES + ONE_EVENT);
  private static final Duration OUTAGE = Duration.ofSeconds(30);

  @TempDir Path workDir;
  private ClickHouseProcess clickhouse;
  private TestingTcpProxy link;
  private TestingStream stream;
  private WorkerProcess worker;

  @BeforeEach
  void startClickHouse() throws Exception {
    clickhouse = ClickHouseProcess.start(workDir.resolve("clickhouse"));
    link = new TestingTcpProxy("127.0.0.1", clickhouse.httpPort());
    link.up();
    Endpoints shared = SharedServices.endpoints();
    stream = new TestingStream(3, new Endpoints(clickhouse.httpUrl(), shared.kafkaBootstrap(), shared.redis()));
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (worker != null) {
      worker.close();
    }
    stream.close();
    link.close();
    clickhouse.close();
  }

  @Test
  void holdsTwoBatchesAtMostReportsNotReadyAndStoresEverythingOnceWhenClickHouseReturns() throws Exception {
    IngestPipeline pipeline = stream.pipeline(MAX_ROWS, MAX_BYTES, 200);
    worker = WorkerProcess.start(pipeline, "http://127.0.0.1:" + link.port(), workDir, "chdown");
    await().atMost(Duration.ofSeconds(60)).until(() -> worker.readyz() == 200);

    AtomicBoolean producing = new AtomicBoolean(true);
    AtomicInteger sent = new AtomicInteger();
    CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
      while (producing.get()) {
        stream.sendGoodEvents(2_000);
        sent.addAndGet(2_000);
        sleep(200);
      }
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> stream.rawCount() > 10_000);

    // The worker's link is cut first, so the server finishes what it has received before it stops: an
    // 18.16 INSERT stopped between its raw part and its view parts leaves the rollups short, which no
    // client can see or repair (DESIGN.md, residual risks). The worker sees the outage all the same.
    link.down();
    Thread.sleep(2_000);
    clickhouse.stop();
    long stoppedAt = System.nanoTime();
    await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
      assertThat(worker.readyz()).as("/readyz while ClickHouse is down").isEqualTo(503);
      assertThat(worker.metric("pulseboard_ingest_paused")).isEqualTo(1.0);
    });
    while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
      assertThat(worker.isAlive()).as("no crash while ClickHouse is down").isTrue();
      assertThat(worker.metric("pulseboard_ingest_batch_held_events")).as("held events").isLessThanOrEqualTo(MAX_HELD_EVENTS);
      assertThat(worker.metric("pulseboard_ingest_batch_held_bytes")).as("held bytes").isLessThanOrEqualTo(MAX_HELD_BYTES);
      assertThat(worker.readyz()).isEqualTo(503);
      Thread.sleep(1_000);
    }
    int sentDuringOutage = sent.get();

    clickhouse.restart();
    link.up();
    await().atMost(Duration.ofSeconds(60)).until(() -> worker.readyz() == 200);
    assertThat(worker.metric("pulseboard_ingest_paused")).isEqualTo(0.0);
    await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() > sentDuringOutage + 10_000);
    producing.set(false);
    load.get();

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> stream.committedTotal() == sent.get());
    assertThat(worker.isAlive()).isTrue();
    assertThat(worker.metric("pulseboard_ingest_batch_held_peak_events")).as("never more than two batches")
        .isLessThanOrEqualTo(MAX_HELD_EVENTS);
    assertThat(worker.metric("pulseboard_ingest_batch_held_peak_bytes")).isLessThanOrEqualTo(MAX_HELD_BYTES);
    stream.assertStoredExactlyOnce(sent.get());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
