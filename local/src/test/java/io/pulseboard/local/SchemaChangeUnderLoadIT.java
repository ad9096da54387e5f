package io.pulseboard.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.Condition;
import io.pulseboard.api.v1alpha1.DimensionSpec;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.api.v1alpha1.MeasureSpec;
import io.pulseboard.api.v1alpha1.RollupSpec;
import io.pulseboard.local.apiserver.CrdInstaller;
import io.pulseboard.local.apiserver.EmbeddedApiServer;
import io.pulseboard.local.runner.ProcessRunner;
import io.pulseboard.local.runner.RunnerConfig;
import io.pulseboard.operator.PulseboardOperator;
import io.pulseboard.operator.config.OperatorConfig;
import io.pulseboard.services.Endpoints;
import io.pulseboard.services.SharedServices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "No change may lose or double-count a row while events keep flowing": the operator, the embedded API
 * server and the process runner of local mode, real ingest worker processes (rolled when their ConfigMap
 * changes), real Kafka and ClickHouse. While a producer sends at least 10K events/s, the stream gets a new
 * measure, a new dimension and a new granularity; afterwards every rollup bucket counts exactly the raw rows
 * of its bucket, and the new measure equals its value recomputed from raw, back-filled rows included.
 */
class SchemaChangeUnderLoadIT {
  private static final Path ROOT = Path.of(System.getProperty("pulseboard.root", "..")).toAbsolutePath().normalize();
  private static final String NS = "default";
  private static final int RATE = 12_000;
  private static final Duration CHANGE_WITHIN = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  private final String database = "sl" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String topic = database + ".checkout";
  private final AtomicBoolean producing = new AtomicBoolean(true);
  private final AtomicLong produced = new AtomicLong();
  private final AtomicLong producedFor = new AtomicLong(1);
  private final HttpClient http = HttpClient.newHttpClient();

  private Endpoints services;
  private EmbeddedApiServer api;
  private KubernetesClient operatorClient;
  private Operator operator;
  private ProcessRunner runner;
  private Thread producer;

  @BeforeEach
  void start() throws Exception {
    Path jar = ROOT.resolve("runtime-ingest/target/pulseboard-runtime-ingest-0.1.0-SNAPSHOT-exec.jar");
    assertThat(jar).as("the ingest worker jar (mvn -pl runtime-ingest package)").exists();
    services = SharedServices.endpoints();
    try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, services.kafkaBootstrap()))) {
      kafka.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
    api = EmbeddedApiServer.start();
    CrdInstaller.install(api.client(), getClass().getClassLoader());
    api.client().resource(new SecretBuilder().withNewMetadata().withName("clickhouse").withNamespace(NS).endMetadata()
        .withData(Map.of("url", Base64.getEncoder().encodeToString(
            services.clickhouseHttp().getBytes(StandardCharsets.UTF_8)))).build()).create();
    operatorClient = new KubernetesClientBuilder().withConfig(api.config()).build();
    operator = PulseboardOperator.start(operatorClient, OperatorConfig.local(services.kafkaBootstrap()));
    runner = ProcessRunner.start(api.client(), new RunnerConfig(ROOT, Files.createDirectories(dir.resolve("run")),
        "0.1.0-SNAPSHOT", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        RunnerConfig.DEFAULT_JVM_OPTIONS, Map.of("PATH", "/usr/bin:/bin"), Duration.ofMillis(300),
        Duration.ofSeconds(15)), pids -> { });
  }

  @AfterEach
  void stop() throws InterruptedException {
    producing.set(false);
    if (producer != null) {
      producer.join(10_000);
    }
    if (runner != null) {
      runner.close();
    }
    if (operator != null) {
      operator.stop();
    }
    if (operatorClient != null) {
      operatorClient.close();
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void threeSchemaChangesUnderLoadLoseAndDoubleCountNoRow() throws Exception {
    api.client().resource(stream()).create();
    awaitSchemaVersion(1);
    producer = new Thread(this::produce, "producer");
    producer.start();
    await().atMost(CHANGE_WITHIN).until(() -> rawCount() > 20_000);

    edit(s -> s.getSpec().getMeasures().add(measure("largest", Aggregate.max, "amount")));
    awaitSchemaVersion(2);
    edit(s -> s.getSpec().getDimensions().add(dimension("device")));
    awaitSchemaVersion(3);
    edit(s -> s.getSpec().getRollups().add(rollup(Granularity.DAY)));
    awaitSchemaVersion(4);
    Thread.sleep(2_000); // rows of the final version too

    producing.set(false);
    producer.join(10_000);
    long sent = produced.get();
    await().atMost(CHANGE_WITHIN).until(() -> rawCount() == sent);
    assertThat(sent * 1e9 / producedFor.get()).as("events/s sent while the schema changed")
        .isGreaterThanOrEqualTo(10_000);
    assertThat(sql("SELECT uniqExact(_schema_version) FROM " + database + ".checkout_raw")).isEqualTo("4");

    Map<String, String> tables = current().getStatus().getTables();
    assertThat(tables).containsOnlyKeys("raw", "1m", "1h", "1d");
    String dims = "country, device";
    for (Granularity g : Granularity.values()) {
      String rollup = sql("SELECT _bucket, " + dims + ", countMerge(events), maxMerge(largest) FROM "
          + tables.get(g.label()) + " GROUP BY _bucket, " + dims + " ORDER BY _bucket, " + dims);
      String raw = sql("SELECT " + bucket(g) + "(_time) AS b, " + dims + ", count(), max(amount) FROM " + database
          + ".checkout_raw GROUP BY b, " + dims + " ORDER BY b, " + dims);
      assertThat(rollup).as(g.label() + " rollup vs raw").isEqualTo(raw);
    }
    assertThat(sql("SELECT countMerge(events) FROM " + tables.get("1m"))).isEqualTo(Long.toString(sent));
  }

  private void produce() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, services.kafkaBootstrap());
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> kafka =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      String[] countries = {"de", "fr", "us", "br"};
      String[] devices = {"phone", "tablet", "desktop"};
      long start = System.nanoTime();
      long n = 0;
      while (producing.get()) {
        // paced in slices of 10 ms, so the rate is steady rather than bursty
        long due = (System.nanoTime() - start) * RATE / 1_000_000_000L;
        for (; n < due; n++) {
          String event = "{\"ts\":" + Instant.now().toEpochMilli() + ",\"country\":\"" + countries[(int) (n % 4)]
              + "\",\"device\":\"" + devices[(int) (n % 3)] + "\",\"amount\":" + (n * 7919 % 1000) / 10.0 + "}";
          kafka.send(new ProducerRecord<>(topic, Long.toString(n), event), (m, e) -> {
            if (e == null) {
              produced.incrementAndGet();
            }
          });
        }
        Thread.sleep(10);
      }
      kafka.flush();
      producedFor.set(System.nanoTime() - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private AnalyticsStream stream() {
    AnalyticsStream stream = new AnalyticsStream();
    stream.getMetadata().setName("checkout");
    stream.getMetadata().setNamespace(NS);
    var spec = new io.pulseboard.api.v1alpha1.AnalyticsStreamSpec();
    stream.setSpec(spec);
    var source = new io.pulseboard.api.v1alpha1.SourceSpec();
    var kafka = new io.pulseboard.api.v1alpha1.KafkaSourceSpec();
    kafka.setTopic(topic);
    source.setKafka(kafka);
    spec.setSource(source);
    var timestamp = new io.pulseboard.api.v1alpha1.TimestampSpec();
    timestamp.setField("ts");
    spec.setTimestamp(timestamp);
    spec.setDimensions(new ArrayList<>(List.of(dimension("country"))));
    var amount = new io.pulseboard.api.v1alpha1.FieldSpec();
    amount.setName("amount");
    amount.setType(FieldType.float64);
    spec.setFields(new ArrayList<>(List.of(amount)));
    spec.setMeasures(new ArrayList<>(List.of(measure("events", Aggregate.count, null),
        measure("revenue", Aggregate.sum, "amount"))));
    spec.setRollups(new ArrayList<>(List.of(rollup(Granularity.MINUTE), rollup(Granularity.HOUR))));
    var clickhouse = new io.pulseboard.api.v1alpha1.ClickHouseSpec();
    clickhouse.setConnectionSecret("clickhouse");
    clickhouse.setDatabase(database);
    spec.setClickhouse(clickhouse);
    var ingest = new io.pulseboard.api.v1alpha1.IngestSpec();
    ingest.setReplicas(1);
    ingest.setMaxBatchDelay("200ms");
    spec.setIngest(ingest);
    return stream;
  }

  private AnalyticsStream current() {
    return api.client().resources(AnalyticsStream.class).inNamespace(NS).withName("checkout").get();
  }

  private void edit(java.util.function.Consumer<AnalyticsStream> change) {
    api.client().resources(AnalyticsStream.class).inNamespace(NS).withName("checkout").edit(s -> {
      change.accept(s);
      return s;
    });
  }

  private void awaitSchemaVersion(int version) {
    await().atMost(CHANGE_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      AnalyticsStream stream = current();
      assertThat(stream.getStatus()).isNotNull();
      assertThat(stream.getStatus().getSchemaVersion()).isEqualTo(version);
      assertThat(stream.getStatus().getConditions()).filteredOn(c -> c.getType().equals("SchemaReady"))
          .extracting(Condition::getStatus).containsExactly("True");
    });
  }

  private long rawCount() throws IOException, InterruptedException {
    return Long.parseLong(sql("SELECT count() FROM " + database + ".checkout_raw"));
  }

  private String sql(String query) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(services.clickhouseHttp() + "/"))
        .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
    return response.body().strip();
  }

  private static String bucket(Granularity g) {
    return switch (g) {
      case MINUTE -> "toStartOfMinute";
      case HOUR -> "toStartOfHour";
      case DAY -> "toStartOfDay";
    };
  }

  private static DimensionSpec dimension(String name) {
    DimensionSpec d = new DimensionSpec();
    d.setName(name);
    d.setType(FieldType.string);
    return d;
  }

  private static RollupSpec rollup(Granularity granularity) {
    RollupSpec rollup = new RollupSpec();
    rollup.setGranularity(granularity);
    return rollup;
  }

  private static MeasureSpec measure(String name, Aggregate aggregate, String field) {
    MeasureSpec measure = new MeasureSpec();
    measure.setName(name);
    measure.setAggregate(aggregate);
    measure.setField(field);
    return measure;
  }
}
