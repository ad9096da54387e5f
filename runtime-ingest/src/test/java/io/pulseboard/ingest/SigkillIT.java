package io.pulseboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pulseboard.api.pipeline.IngestPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Effectively-once under crashes: the packaged worker is SIGKILLed five times at random points while it
 * drains a backlog of 1,000,000 events (the size), and restarted each time. With the insert
 * thread the whole test takes ~31 s on the shared 2-core box (300,000 events took ~14 s).
 */
class SigkillIT {
  private static final int EVENTS = 1_000_000;
  private static final int KILLS = 5;

  @TempDir Path workDir;
  private TestingStream stream;
  private WorkerProcess worker;

  @BeforeEach
  void createStream() throws Exception {
    stream = new TestingStream(6);
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (worker != null) {
      worker.close();
    }
    stream.close();
  }

  @Test
  void storesEveryEventExactlyOnceThoughKilledFiveTimesWhileDraining() throws Exception {
    stream.sendGoodEvents(EVENTS);
    IngestPipeline pipeline = stream.pipeline(5_000, 16L << 20, 200);
    Random random = new Random();
    long started = System.nanoTime();
    for (int kill = 1; kill <= KILLS; kill++) {
      worker = WorkerProcess.start(pipeline, stream.services().clickhouseHttp(), workDir, "sigkill");
      // A random point in this run's share of the backlog, so kills land between inserts and commits alike.
      long killAt = (long) (EVENTS * (kill - 1 + 0.2 + 0.6 * random.nextDouble()) / (KILLS + 1));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> stream.rawCount() >= killAt);
      // A little later, so some kills land while an INSERT is on the wire, some between INSERT and commit.
      Thread.sleep(random.nextInt(200));
      worker.kill();
      long stored = stream.rawCount();
      assertThat(stored).as("killed while draining, not after").isLessThan(EVENTS);
      System.out.printf("SigkillIT: kill %d at %d stored rows (%d committed)%n", kill, stored, stream.committedTotal());
    }
    worker = WorkerProcess.start(pipeline, stream.services().clickhouseHttp(), workDir, "sigkill");
    try {
      await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100)).until(() -> stream.committedTotal() == EVENTS);
    } finally {
      System.out.print("SigkillIT: positions at the end\n" + stream.positions());
    }
    System.out.printf("SigkillIT: %d events with %d kills stored in %.1f s; %d partition(s) resumed from stored rows ahead of the commit%n",
        EVENTS, KILLS, (System.nanoTime() - started) / 1e9, resumedAheadOfCommit());

    stream.assertStoredExactlyOnce(EVENTS);
  }

  /** From the workers' log: restarts where raw held rows past the committed offset (a kill between INSERT and commit). */
  private static long resumedAheadOfCommit() throws IOException {
    Pattern line = Pattern.compile("continues at offset (\\d+) \\(committed (\\d+), highest stored (\\d+)\\)");
    try (Stream<String> lines = Files.lines(WorkerProcess.log("sigkill"))) {
      return lines.map(line::matcher).filter(Matcher::find)
          .filter(m -> Long.parseLong(m.group(3)) + 1 > Long.parseLong(m.group(2))).count();
    }
  }
}
