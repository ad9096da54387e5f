package io.pulseboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.services.Endpoints;
import io.pulseboard.services.KafkaProcess;
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

/** The Kafka broker restarted while events arrive; this test runs its own broker so it can restart it. */
class KafkaRestartIT {
  @TempDir Path workDir;
  private KafkaProcess kafka;
  private TestingStream stream;
  private WorkerProcess worker;

  @BeforeEach
  void startKafka() throws Exception {
    kafka = KafkaProcess.start(workDir.resolve("kafka"));
    Endpoints shared = SharedServices.endpoints();
    stream = new TestingStream(3, new Endpoints(shared.clickhouseHttp(), kafka.bootstrapServers(), shared.redis()));
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (worker != null) {
      worker.close();
    }
    stream.close();
    kafka.close();
  }

  @Test
  void resumesAfterABrokerRestartAndStoresEverythingOnce() throws Exception {
    IngestPipeline pipeline = stream.pipeline(5_000, 16L << 20, 200);
    worker = WorkerProcess.start(pipeline, stream.services().clickhouseHttp(), workDir, "kafkarestart");
    await().atMost(Duration.ofSeconds(60)).until(() -> worker.readyz() == 200);

    AtomicBoolean producing = new AtomicBoolean(true);
    AtomicInteger sent = new AtomicInteger();
    CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
      while (producing.get()) {
        stream.sendGoodEvents(2_000); // blocks in flush() while the broker is away; the idempotent producer retries
        sent.addAndGet(2_000);
        sleep(200);
      }
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> stream.rawCount() > 10_000);

    kafka.restart();
    long sentAtRestart = sent.get();
    await().atMost(Duration.ofSeconds(60)).until(() -> stream.rawCount() > sentAtRestart + 10_000);
    producing.set(false);
    load.get();

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> stream.committedTotal() == sent.get());
    assertThat(worker.isAlive()).as("no crash through the broker restart").isTrue();
    assertThat(worker.readyz()).isEqualTo(200);
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
