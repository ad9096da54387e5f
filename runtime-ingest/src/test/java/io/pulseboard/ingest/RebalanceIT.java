package io.pulseboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pulseboard.api.pipeline.IngestPipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scaling 1 -> 3 -> 1 worker processes while events arrive moves partitions without loss or duplicates. */
class RebalanceIT {
  private static final int CHUNK = 2_000;
  private static final String CONSUMED = "pulseboard_ingest_events_consumed_total";

  @TempDir Path workDir;
  private TestingStream stream;
  private WorkerProcess first;
  private WorkerProcess second;
  private WorkerProcess third;

  @BeforeEach
  void createStream() throws Exception {
    stream = new TestingStream(6);
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (WorkerProcess w : new WorkerProcess[] {first, second, third}) {
      if (w != null) {
        w.close();
      }
    }
    stream.close();
  }

  @Test
  void scalesUpAndDownDuringIngestWithoutLosingOrDuplicatingEvents() throws Exception {
    IngestPipeline pipeline = stream.pipeline(5_000, 16L << 20, 200);
    String clickhouse = stream.services().clickhouseHttp();
    // Events arrive until the test has scaled up and down again, however slow the box is.
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger sent = new AtomicInteger();
    CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
      while (running.get()) {
        stream.sendGoodEvents(CHUNK);
        sent.addAndGet(CHUNK);
        sleep(100);
      }
    });
    first = WorkerProcess.start(pipeline, clickhouse, workDir, "a");
    await().atMost(Duration.ofSeconds(60)).until(() -> stream.rawCount() > 0);

    second = WorkerProcess.start(pipeline, clickhouse, workDir, "b");
    third = WorkerProcess.start(pipeline, clickhouse, workDir, "c");
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
      assertThat(second.metric(CONSUMED)).as("second replica got partitions").isPositive();
      assertThat(third.metric(CONSUMED)).as("third replica got partitions").isPositive();
    });

    for (WorkerProcess w : List.of(second, third)) {
      assertThat(w.terminate(Duration.ofSeconds(30))).as("SIGTERM: stored, committed, exited in the grace period").isEqualTo(143);
    }
    long sentAtScaleDown = sent.get();
    await().atMost(Duration.ofSeconds(60)).until(() -> stream.rawCount() > sentAtScaleDown);
    running.set(false);
    producing.get();

    int events = sent.get();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> stream.committedTotal() == events);
    assertThat(first.isAlive()).isTrue();
    stream.assertStoredExactlyOnce(events);
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
