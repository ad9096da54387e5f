package io.pulseboard.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.Condition;
import io.pulseboard.api.v1alpha1.DeletionPolicy;
import io.pulseboard.ingest.IngestWorker;
import io.pulseboard.ingest.config.IngestConfig;
import io.pulseboard.operator.PulseboardOperator;
import io.pulseboard.operator.config.OperatorConfig;
import io.pulseboard.operator.status.ConditionType;
import io.pulseboard.operator.status.Conditions;
import io.pulseboard.operator.testing.ClickHouseQueries;
import io.pulseboard.operator.testing.Examples;
import io.pulseboard.operator.testing.LocalApiServer;
import io.pulseboard.services.ClickHouseCluster;
import io.pulseboard.services.ClickHouseProcess;
import io.pulseboard.services.SharedServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A stream whose connection Secret names a cluster, on a real cluster: two ClickHouse 18.16 replicas of one
 * shard and a ZooKeeper, all on loopback. The operator (in-process, against the CRUD API server) creates the
 * tables ON CLUSTER; the real ingest worker, configured from the ConfigMap the operator wrote, writes Kafka
 * events through the Distributed raw table of the second replica's endpoint; each replica must then count
 * every event exactly once, in raw and in every rollup (the views fire only where an INSERT arrives, the
 * other replica fetches the parts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterStreamIT {
  private static final String NS = "default";
  private static final String CLUSTER = "pulseboard";
  private static final String STREAM = "clustered";
  private static final List<String> ROLLUPS = List.of("clustered_1m", "clustered_1h", "clustered_1d");
  private static final Duration READY_WITHIN = Duration.ofSeconds(30);

  private final String run = "cl" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String database = run;
  private final String topic = run + ".clustered";

  private Path workDir;
  private ClickHouseCluster cluster;
  private ClickHouseQueries first;
  private ClickHouseQueries second;
  private LocalApiServer api;
  private KubernetesClient client;
  private Operator operator;
  private Admin kafka;
  private KafkaProducer<String, String> producer;
  private String kafkaBootstrap;
  private long sentEvents;

  @BeforeAll
  void startClusterAndOperator() throws Exception {
    kafkaBootstrap = SharedServices.endpoints().kafkaBootstrap();
    workDir = Files.createTempDirectory("pulseboard-cluster-");
    cluster = ClickHouseCluster.start(workDir, CLUSTER, 2);
    first = new ClickHouseQueries(cluster.replicas().get(0).httpUrl());
    second = new ClickHouseQueries(cluster.replicas().get(1).httpUrl());

    kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap));
    kafka.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap,
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());

    api = LocalApiServer.start();
    client = api.client();
    // the operator and the workers reach the cluster through the second replica; rows are stored on the
    // first (the writers' load_balancing=in_order), so every check on the second is a check of replication
    client.resource(secret("clickhouse", Map.of("url", cluster.replicas().get(1).httpUrl(), "cluster", CLUSTER)))
        .create();
    operator = PulseboardOperator.start(client, OperatorConfig.local(kafkaBootstrap)
        .withRecheckInterval(Duration.ofSeconds(2)));

    AnalyticsStream stream = Examples.quickstartStream();
    stream.getMetadata().setName(STREAM);
    stream.getSpec().getClickhouse().setDatabase(database);
    stream.getSpec().getSource().getKafka().setTopic(topic);
    stream.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    client.resource(stream).create();
    await().atMost(READY_WITHIN).untilAsserted(() -> assertThat(condition(ConditionType.Ready)).isNotNull()
        .extracting(Condition::getStatus).isEqualTo("True"));
  }

  @AfterAll
  void stopEverything() throws IOException {
    if (operator != null) {
      operator.stop();
    }
    if (api != null) {
      api.close();
    }
    if (producer != null) {
      producer.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (workDir != null) {
      try (Stream<Path> paths = Files.walk(workDir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  @Test
  @Order(1)
  void everyReplicaHasReplicatedLocalTablesBehindDistributedTablesOfThePlainNames() {
    for (ClickHouseQueries replica : List.of(first, second)) {
      assertThat(replica.text("SELECT name, engine FROM system.tables WHERE database = '" + database
          + "' ORDER BY name").lines().toList()).containsExactly(
          "clustered_1d\tDistributed", "clustered_1d_local\tReplicatedAggregatingMergeTree",
          "clustered_1d_mv_v1\tMaterializedView",
          "clustered_1h\tDistributed", "clustered_1h_local\tReplicatedAggregatingMergeTree",
          "clustered_1h_mv_v1\tMaterializedView",
          "clustered_1m\tDistributed", "clustered_1m_local\tReplicatedAggregatingMergeTree",
          "clustered_1m_mv_v1\tMaterializedView",
          "clustered_raw\tDistributed", "clustered_raw_local\tReplicatedMergeTree");
    }
    AnalyticsStream stream = client.resources(AnalyticsStream.class).inNamespace(NS).withName(STREAM).get();
    assertThat(stream.getStatus().getTables()).containsExactly(
        Map.entry("raw", database + ".clustered_raw"), Map.entry("1m", database + ".clustered_1m"),
        Map.entry("1h", database + ".clustered_1h"), Map.entry("1d", database + ".clustered_1d"));
    assertThat(condition(ConditionType.SchemaReady).getReason()).isEqualTo("SchemaApplied");

    IngestPipeline pipeline = pipeline();
    assertThat(pipeline.rawTable()).isEqualTo("clustered_raw");
    assertThat(pipeline.clickhouseSettings()).containsEntry("insert_distributed_sync", "1");
  }

  @Test
  @Order(2)
  void eventsIngestedThroughOneReplicaAreCountedExactlyOnceOnEachReplica() throws Exception {
    IngestPipeline pipeline = pipeline();
    try (IngestWorker worker = worker(pipeline)) {
      send(1200);
      awaitEveryReplicaCounts(sentEvents);
    }
    // a new worker of the same group seeks past the offsets stored in the cluster: nothing twice
    try (IngestWorker worker = worker(pipeline)) {
      send(800);
      awaitEveryReplicaCounts(sentEvents);
      Thread.sleep(1000); // a duplicate would have landed by now
      assertEveryReplicaCounts(sentEvents);
    }
    assertThat(first.text("SELECT uniqExact(_partition) FROM " + database + ".clustered_raw_local")).isEqualTo("3");
    // readers use the plain names: the Distributed tables give the same figures from either endpoint
    assertThat(second.text("SELECT countMerge(events) FROM " + database + ".clustered_1h"))
        .isEqualTo(Long.toString(sentEvents));
  }

  @Test
  @Order(3)
  void deletingTheStreamDropsItsTablesOnEveryReplica() {
    client.resources(AnalyticsStream.class).inNamespace(NS).withName(STREAM).delete();

    await().atMost(READY_WITHIN).untilAsserted(() -> {
      assertThat(client.resources(AnalyticsStream.class).inNamespace(NS).withName(STREAM).get()).isNull();
      for (ClickHouseQueries replica : List.of(first, second)) {
        assertThat(replica.text("SELECT count() FROM system.tables WHERE database = '" + database + "'"))
            .isEqualTo("0");
      }
    });
  }

  private IngestWorker worker(IngestPipeline pipeline) {
    ClickHouseProcess entry = cluster.replicas().get(1);
    return IngestWorker.start(new IngestConfig(pipeline, entry.httpUrl(), "default", "", "127.0.0.1", 0));
  }

  /** Events of the last minutes, spread over the topic's partitions, each worth one unit of revenue. */
  private void send(int count) throws Exception {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      long n = sentEvents + i;
      String event = "{\"ts\": \"" + now.minusSeconds(n % 600) + "\", \"country\": \"" + (n % 2 == 0 ? "de" : "fr")
          + "\", \"platform\": \"ios\", \"amount\": 1.0, \"user_id\": \"u" + (n % 50) + "\", \"latency_ms\": 10.0}";
      sent.add(producer.send(new ProducerRecord<>(topic, "k" + n, event)));
    }
    for (Future<RecordMetadata> f : sent) {
      f.get();
    }
    sentEvents += count;
  }

  private void awaitEveryReplicaCounts(long events) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertEveryReplicaCounts(events));
  }

  /** Read from each replica's own local tables: what this server stores, not what a Distributed read picks. */
  private void assertEveryReplicaCounts(long events) {
    String expected = Long.toString(events);
    for (ClickHouseQueries replica : List.of(first, second)) {
      assertThat(replica.text("SELECT count(), sum(amount) FROM " + database + ".clustered_raw_local"))
          .isEqualTo(expected + "\t" + expected);
      for (String rollup : ROLLUPS) {
        assertThat(replica.text("SELECT countMerge(events), sumMerge(revenue) FROM " + database + "." + rollup
            + "_local")).as(rollup).isEqualTo(expected + "\t" + expected);
      }
    }
  }

  private IngestPipeline pipeline() {
    ConfigMap configMap = client.configMaps().inNamespace(NS).withName(STREAM + "-ingest").get();
    return PipelineJson.read(configMap.getData().get(IngestPipeline.FILE), IngestPipeline.class);
  }

  private Condition condition(ConditionType type) {
    AnalyticsStream stream = client.resources(AnalyticsStream.class).inNamespace(NS).withName(STREAM).get();
    return Conditions.find(stream.getStatus() == null ? null : stream.getStatus().getConditions(), type);
  }

  private static io.fabric8.kubernetes.api.model.Secret secret(String name, Map<String, String> values) {
    SecretBuilder secret = new SecretBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata();
    values.forEach((k, v) -> secret.addToData(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return secret.build();
  }
}
