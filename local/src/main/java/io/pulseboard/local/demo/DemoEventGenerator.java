package io.pulseboard.local.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces quickstart checkout events to Kafka at a steady rate, in small bursts every 50 ms, so the live
 * dashboard has something to show from the first second.
 */
public final class DemoEventGenerator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoEventGenerator.class);
  private static final Duration BURST_INTERVAL = Duration.ofMillis(50);

  private final KafkaProducer<String, String> producer;
  private final String topic;
  private final DemoEvents events = new DemoEvents(new Random(), Clock.systemUTC());
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "demo-events"));
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  private DemoEventGenerator(KafkaProducer<String, String> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  /** Starts producing {@code eventsPerSecond} events per second to {@code topic}. */
  public static DemoEventGenerator start(String bootstrapServers, String topic, int eventsPerSecond) {
    KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "1",
        ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
        ProducerConfig.CLIENT_ID_CONFIG, "pulseboard-demo"),
        new StringSerializer(), new StringSerializer());
    DemoEventGenerator generator = new DemoEventGenerator(producer, topic);
    long bursts = 1000 / BURST_INTERVAL.toMillis();
    int perBurst = (int) Math.max(1, eventsPerSecond / bursts);
    generator.timer.scheduleAtFixedRate(() -> generator.burst(perBurst), 0, BURST_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("producing {} demo events/s to {}", perBurst * bursts, topic);
    return generator;
  }

  /**
   * Produces {@code perSecond} events for every second of the last {@code window}, so the dashboard opens
   * on a filled range instead of a single point.
   */
  public void history(Duration window, int perSecond) {
    Instant now = Instant.now();
    long count = 0;
    for (long s = window.toSeconds(); s > 0; s--) {
      Instant second = now.minusSeconds(s);
      for (int i = 0; i < perSecond; i++) {
        send(events.at(second.plusMillis(i * 1000L / perSecond)));
        count++;
      }
    }
    producer.flush();
    LOG.info("produced {} demo events over the last {}", count, window);
  }

  /** Events Kafka acknowledged so far. */
  public long sent() {
    return sent.get();
  }

  private void burst(int count) {
    for (int i = 0; i < count; i++) {
      send(events.next());
    }
  }

  private void send(String event) {
    producer.send(new ProducerRecord<>(topic, event), (metadata, error) -> {
      if (error == null) {
        sent.incrementAndGet();
      } else if (failed.getAndIncrement() % 1000 == 0) {
        LOG.warn("demo event not sent ({} failures so far): {}", failed.get(), error.getMessage());
      }
    });
  }

  @Override
  public void close() {
    timer.shutdownNow();
    producer.close(Duration.ofSeconds(5));
    LOG.info("demo generator stopped after {} events", sent.get());
  }
}
