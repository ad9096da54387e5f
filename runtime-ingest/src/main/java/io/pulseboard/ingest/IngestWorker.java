package io.pulseboard.ingest;

import com.clickhouse.client.api.Client;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.ingest.clickhouse.ClickHouseClients;
import io.pulseboard.ingest.clickhouse.ClickHouseRawTable;
import io.pulseboard.ingest.config.IngestConfig;
import io.pulseboard.ingest.kafka.IngestLoop;
import io.pulseboard.ingest.kafka.KafkaClients;
import io.pulseboard.ingest.metrics.HealthServer;
import io.pulseboard.ingest.metrics.IngestMetrics;
import io.pulseboard.ingest.metrics.WorkerHealth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingest worker: the consumer loop on its own thread, the health and metrics server, and the
 * clients they share. Used by {@link Main} and, in-process, by tests.
 */
public final class IngestWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestWorker.class);
  /** Below Kubernetes' default 30 s grace period, so the last batch is stored before SIGKILL. */
  private static final long STOP_TIMEOUT_SECONDS = 25;

  private final Client clickhouse;
  private final KafkaProducer<byte[], byte[]> producer;
  private final IngestLoop loop;
  private final Thread thread;
  private final HealthServer http;
  private final ScheduledExecutorService metricsRefresh = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "pulseboard-kafka-metrics");
    t.setDaemon(true);
    return t;
  });
  private final KafkaClientMetrics kafkaMetrics;
  private volatile Throwable failure;

  private IngestWorker(IngestConfig config) throws IOException {
    IngestPipeline pipeline = config.pipeline();
    IngestMetrics metrics = new IngestMetrics(pipeline.namespace(), pipeline.stream());
    WorkerHealth health = new WorkerHealth();
    clickhouse = ClickHouseClients.create(config);
    producer = KafkaClients.deadLetterProducer(pipeline);
    KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(pipeline, config.instanceId());
    kafkaMetrics = metrics.bindConsumer(consumer, metricsRefresh);
    loop = new IngestLoop(pipeline, consumer, producer,
        new ClickHouseRawTable(clickhouse, pipeline), metrics, health,
        Clock.systemUTC());
    thread = new Thread(this::runLoop, "pulseboard-ingest-" + pipeline.stream());
    http = HealthServer.start(config.httpHost(), config.httpPort(), health, metrics);
  }

  public static IngestWorker start(IngestConfig config) {
    try {
      IngestWorker worker = new IngestWorker(config);
      worker.thread.start();
      LOG.info("ingest worker started: {}, health and metrics on port {}", config, worker.http.port());
      return worker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the health server on " + config.httpHost() + ":" + config.httpPort(), e);
    }
  }

  public int httpPort() {
    return http.port();
  }

  /** Waits for the loop to end; true when it ended because it was asked to, false when it failed. */
  public boolean awaitTermination() throws InterruptedException {
    thread.join();
    return failure == null;
  }

  /** Stores the held batch, commits, and releases everything. */
  @Override
  public void close() {
    if (thread.isAlive()) {
      loop.stop();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("the consumer loop did not stop within {} s; uncommitted events will be consumed again", STOP_TIMEOUT_SECONDS);
    }
    kafkaMetrics.close();
    metricsRefresh.shutdownNow();
    producer.close();
    http.close();
    clickhouse.close();
    LOG.info("ingest worker stopped");
  }

  private void runLoop() {
    try {
      loop.run();
    } catch (Throwable t) {
      failure = t;
      LOG.error("the consumer loop failed", t);
    }
  }
}
