package io.pulseboard.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.pipeline.PanelProblem;
import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.Condition;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.api.v1alpha1.IngressSpec;
import io.pulseboard.api.v1alpha1.PanelSpec;
import io.pulseboard.api.v1alpha1.ResourcesSpec;
import io.pulseboard.operator.PulseboardOperator;
import io.pulseboard.operator.clickhouse.ClickHouseConnection;
import io.pulseboard.operator.clickhouse.ClickHouseService;
import io.pulseboard.operator.config.OperatorConfig;
import io.pulseboard.operator.status.ConditionType;
import io.pulseboard.operator.status.Conditions;
import io.pulseboard.operator.testing.Examples;
import io.pulseboard.operator.testing.LocalApiServer;
import io.pulseboard.services.Endpoints;
import io.pulseboard.services.SharedServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The operator in-process against the CRUD mock API server, with real ClickHouse and Kafka: what a user
 * sees after applying the quickstart stream and dashboards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsStreamReconcilerIT {
  private static final String NS = "default";
  private static final Duration READY_WITHIN = Duration.ofSeconds(20);

  /** A database and topic prefix of this class alone, so reruns and other classes do not interfere. */
  private final String run = "op" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String database = run;
  private final String topic = run + ".checkout";

  private Endpoints services;
  private LocalApiServer api;
  private KubernetesClient client;
  private Operator operator;
  private ClickHouseService clickhouse;
  private ClickHouseConnection connection;
  private Admin kafka;

  @BeforeAll
  void startOperatorAndApplyQuickstart() throws Exception {
    services = SharedServices.endpoints();
    connection = new ClickHouseConnection(services.clickhouseHttp(), "default", "");
    clickhouse = new ClickHouseService();
    kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, services.kafkaBootstrap()));
    kafka.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();

    api = LocalApiServer.start();
    client = api.client();
    client.resource(secret("clickhouse", Map.of("url", services.clickhouseHttp()))).create();
    client.resource(secret("redis", Map.of("url", services.redis()))).create();
    // a short re-check so freshness moves within the test; the no-op test then also proves that periodic
    // reconciles write nothing
    operator = PulseboardOperator.start(client, OperatorConfig.local(services.kafkaBootstrap())
        .withRecheckInterval(Duration.ofSeconds(1)).withConsistencyInterval(Duration.ofSeconds(1)));

    client.resource(quickstartStream("checkout", topic)).create();
    awaitReady(AnalyticsStream.class, "checkout");
  }

  @AfterAll
  void stop() {
    if (operator != null) {
      operator.stop();
    }
    if (api != null) {
      api.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (clickhouse != null) {
      clickhouse.close();
    }
  }

  @Test
  void theQuickstartStreamGetsItsTablesViewsTopicsAndIngestWorkload() throws Exception {
    AnalyticsStream stream = stream("checkout");

    assertThat(stream.getStatus().getObservedGeneration()).isNotNull()
        .isEqualTo(stream.getMetadata().getGeneration());
    assertThat(condition(stream, ConditionType.SchemaReady)).extracting(Condition::getReason, Condition::getMessage)
        .containsExactly("SchemaApplied", "the raw table, 3 rollups and their views exist on ClickHouse 18.16.1");
    assertThat(stream.getStatus().getTables()).containsExactly(
        Map.entry("raw", database + ".checkout_raw"), Map.entry("1m", database + ".checkout_1m"),
        Map.entry("1h", database + ".checkout_1h"), Map.entry("1d", database + ".checkout_1d"));
    assertThat(stream.getStatus().getSchemaVersion()).isEqualTo(1);
    assertThat(condition(stream, ConditionType.RollupsConsistent))
        .extracting(Condition::getStatus, Condition::getReason).containsExactly("True", "Consistent");
    assertThat(clickhouse.tables(connection, database)).filteredOn(t -> t.startsWith("checkout_"))
        .containsExactlyInAnyOrder("checkout_raw",
        "checkout_1m", "checkout_1h", "checkout_1d", "checkout_1m_mv_v1", "checkout_1h_mv_v1", "checkout_1d_mv_v1");
    assertThat(kafka.describeTopics(List.of(topic + ".dlq")).allTopicNames().get().get(topic + ".dlq")
        .partitions()).hasSize(3);

    ConfigMap configMap = client.configMaps().inNamespace(NS).withName("checkout-ingest").get();
    IngestPipeline pipeline = PipelineJson.read(configMap.getData().get("ingest.json"), IngestPipeline.class);
    assertThat(pipeline.bootstrapServers()).isEqualTo(services.kafkaBootstrap());
    assertThat(pipeline.database()).isEqualTo(database);
    assertThat(pipeline.rawTable()).isEqualTo("checkout_raw");
    assertThat(pipeline.deadLetterTopic()).isEqualTo(topic + ".dlq");
    assertThat(configMap.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("AnalyticsStream"))
        .satisfies(o -> assertThat(o.getName()).isEqualTo("checkout"));

    Deployment deployment = client.apps().deployments().inNamespace(NS).withName("checkout-ingest").get();
    assertThat(deployment.getMetadata().getLabels()).containsAllEntriesOf(Map.of(
        "app.kubernetes.io/name", "pulseboard-ingest", "app.kubernetes.io/instance", "checkout",
        "app.kubernetes.io/managed-by", "pulseboard-operator"));
    assertThat(deployment.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getName()).isEqualTo("checkout"));
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("ghcr.io/pulseboard/runtime-ingest:0.1.0-SNAPSHOT");
    assertThat(env(container, "CLICKHOUSE_URL").getValueFrom().getSecretKeyRef().getName()).isEqualTo("clickhouse");
  }

  @Test
  void aSecondReconcileChangesNothing() {
    AnalyticsStream before = stream("checkout");
    Set<String> tablesBefore = clickhouse.tables(connection, database);
    ConfigMap configMap = client.configMaps().inNamespace(NS).withName("checkout-ingest").get();

    // deleting a dependent triggers a full reconcile of the stream, which writes the ConfigMap again
    client.resource(configMap).delete();
    await().atMost(READY_WITHIN).until(() -> {
      ConfigMap again = client.configMaps().inNamespace(NS).withName("checkout-ingest").get();
      return again != null && !again.getMetadata().getUid().equals(configMap.getMetadata().getUid());
    });

    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() ->
        stream("checkout").getMetadata().getResourceVersion().equals(before.getMetadata().getResourceVersion()));
    assertThat(clickhouse.tables(connection, database)).isEqualTo(tablesBefore);
    assertThat(stream("checkout").getStatus().getConditions()).isEqualTo(before.getStatus().getConditions());
  }

  @Test
  void ingestReadyFollowsTheDeploymentsAvailableReplicas() {
    Deployment deployment = client.apps().deployments().inNamespace(NS).withName("checkout-ingest").get();
    assertThat(condition(stream("checkout"), ConditionType.IngestReady).getReason()).isEqualTo("IngestStarting");

    deployment.setStatus(new DeploymentStatusBuilder().withReplicas(1).withReadyReplicas(1)
        .withAvailableReplicas(1).build());
    client.resource(deployment).updateStatus();

    await().atMost(READY_WITHIN).untilAsserted(() ->
        assertThat(condition(stream("checkout"), ConditionType.IngestReady))
            .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
            .containsExactly("True", "IngestAvailable", "1 of 1 ingest replicas available"));
  }

  @Test
  void aMissingSourceTopicIsReportedUntilItAppears() throws Exception {
    String lateTopic = run + ".late";
    client.resource(quickstartStream("late", lateTopic)).create();

    await().atMost(READY_WITHIN).untilAsserted(() ->
        assertThat(condition(stream("late"), ConditionType.Ready))
            .extracting(Condition::getStatus, Condition::getReason)
            .containsExactly("False", "SourceTopicMissing"));
    assertThat(condition(stream("late"), ConditionType.SchemaReady).getStatus()).isEqualTo("True");
    assertThat(condition(stream("late"), ConditionType.Ready).getMessage()).contains(lateTopic);
    assertThat(client.apps().deployments().inNamespace(NS).withName("late-ingest").get()).isNull();

    kafka.createTopics(List.of(new NewTopic(lateTopic, 2, (short) 1))).all().get();

    awaitReady(AnalyticsStream.class, "late");
    assertThat(client.apps().deployments().inNamespace(NS).withName("late-ingest").get()).isNotNull();
  }

  @Test
  void freshnessFollowsRowsAndLagWithoutAnyEdit() throws Exception {
    String freshTopic = run + ".fresh";
    kafka.createTopics(List.of(new NewTopic(freshTopic, 2, (short) 1))).all().get();
    AnalyticsStream fresh = quickstartStream("fresh", freshTopic);
    io.pulseboard.api.v1alpha1.FreshnessSpec thresholds = new io.pulseboard.api.v1alpha1.FreshnessSpec();
    thresholds.setMaxLag(3L);
    thresholds.setMaxAge("1h");
    fresh.getSpec().setFreshness(thresholds);
    client.resource(fresh).create();
    awaitReady(AnalyticsStream.class, "fresh");
    await().atMost(READY_WITHIN).untilAsserted(() -> assertThat(condition(stream("fresh"), ConditionType.Fresh))
        .extracting(Condition::getStatus, Condition::getReason).containsExactly("False", "NoRowsYet"));
    assertThat(stream("fresh").getStatus().getLag()).isZero();

    clickhouse.execute(connection, List.of("INSERT INTO `" + database + "`.`fresh_raw` (_time, country, platform,"
        + " amount, user_id, latency_ms, _partition, _offset, _ingested_at, _schema_version)"
        + " VALUES (now(), 'de', 'ios', 1.5, 'u1', 10.0, 0, 0, now(), 1)"));
    await().atMost(READY_WITHIN).untilAsserted(() -> assertThat(condition(stream("fresh"), ConditionType.Fresh))
        .extracting(Condition::getStatus, Condition::getReason).containsExactly("True", "UpToDate"));
    assertThat(stream("fresh").getStatus().getLastIngestedAt()).isNotNull();

    try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
        "bootstrap.servers", services.kafkaBootstrap(),
        "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
        "value.serializer", "org.apache.kafka.common.serialization.StringSerializer"))) {
      for (int i = 0; i < 5; i++) {
        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(freshTopic, "{}")).get();
      }
    }
    await().atMost(READY_WITHIN).untilAsserted(() -> {
      AnalyticsStream lagging = stream("fresh");
      assertThat(condition(lagging, ConditionType.Fresh)).extracting(Condition::getStatus, Condition::getReason,
          Condition::getMessage).containsExactly("False", "Lagging", "lag 5 messages (at most 3)");
      assertThat(lagging.getStatus().getLag()).isEqualTo(5L);
    });
  }

  @Test
  void deletingAStreamWithRetainKeepsItsTables() {
    client.resource(quickstartStream("kept", topic)).create();
    awaitReady(AnalyticsStream.class, "kept");
    assertThat(stream("kept").getMetadata().getFinalizers()).isNotEmpty();

    client.resource(stream("kept")).delete();

    await().atMost(READY_WITHIN).until(() -> stream("kept") == null);
    assertThat(clickhouse.tables(connection, database)).filteredOn(t -> t.startsWith("kept_"))
        .containsExactlyInAnyOrder("kept_raw", "kept_1m", "kept_1h", "kept_1d", "kept_1m_mv_v1", "kept_1h_mv_v1",
            "kept_1d_mv_v1");
  }

  @Test
  void deletingAStreamWithDeleteDropsItsViewsAndTablesOnly() {
    AnalyticsStream gone = quickstartStream("gone", topic);
    gone.getSpec().setDeletionPolicy(io.pulseboard.api.v1alpha1.DeletionPolicy.Delete);
    client.resource(gone).create();
    awaitReady(AnalyticsStream.class, "gone");
    assertThat(clickhouse.tables(connection, database)).filteredOn(t -> t.startsWith("gone_")).hasSize(7);

    client.resource(stream("gone")).delete();

    await().atMost(READY_WITHIN).until(() -> stream("gone") == null);
    assertThat(clickhouse.tables(connection, database)).filteredOn(t -> t.startsWith("gone_")).isEmpty();
    assertThat(clickhouse.tables(connection, database)).as("the other streams' tables")
        .contains("checkout_raw", "checkout_1m_mv_v1");
  }

  @Test
  void aStreamWithSqlInANameIsInvalidAndRunsNoDdl() {
    String otherDatabase = run + "_evil";
    AnalyticsStream evil = quickstartStream("evil", topic);
    evil.getSpec().getClickhouse().setDatabase(otherDatabase);
    evil.getSpec().getDimensions().get(0).setName("country` String) ENGINE=Log; --");
    client.resource(evil).create();

    await().atMost(READY_WITHIN).untilAsserted(() ->
        assertThat(condition(stream("evil"), ConditionType.Ready))
            .extracting(Condition::getStatus, Condition::getReason)
            .containsExactly("False", "InvalidSpec"));
    assertThat(condition(stream("evil"), ConditionType.Ready).getMessage()).startsWith("spec.dimensions[0].name");
    assertThat(clickhouse.columns(connection, otherDatabase)).isEmpty();
    assertThat(client.configMaps().inNamespace(NS).withName("evil-ingest").get()).isNull();
  }

  @Test
  void aDashboardNamingAnUnknownMeasureIsNotReady() {
    Dashboard dashboard = Examples.quickstartDashboard();
    dashboard.getMetadata().setName("typo");
    dashboard.getSpec().getPanels().get(1).setMeasure("revenu");
    client.resource(dashboard).create();

    await().atMost(READY_WITHIN).untilAsserted(() -> {
      Dashboard d = dashboard("typo");
      assertThat(condition(d, ConditionType.Ready))
          .extracting(Condition::getStatus, Condition::getReason)
          .containsExactly("False", "UnknownMeasure");
      assertThat(condition(d, ConditionType.Ready).getMessage()).startsWith("panel revenue: ");
      assertThat(condition(d, ConditionType.PanelsValid).getReason()).isEqualTo("UnknownMeasure");
    });
    // the other panels are served; this one reaches the page with its problem
    await().atMost(READY_WITHIN).untilAsserted(() -> assertThat(queryPipeline("typo").problems()).containsExactly(
        new PanelProblem("revenue", "UnknownMeasure",
            "stream checkout has no measure revenu; its measures are events, revenue, buyers, latency")));
    assertThat(client.apps().deployments().inNamespace(NS).withName("typo-query").get()).isNotNull();
  }

  @Test
  void removingAMeasureAPanelShowsTurnsTheDashboardNotValid() {
    client.resource(quickstartStream("shrink", topic)).create();
    Dashboard dashboard = Examples.quickstartDashboard();
    dashboard.getMetadata().setName("shrinking");
    dashboard.getSpec().getPanels().forEach(p -> p.setStream("shrink"));
    PanelSpec activity = dashboard.getSpec().getPanels().get(0);
    activity.setMeasure(null);
    activity.setMeasures(List.of("events", "buyers"));
    client.resource(dashboard).create();
    awaitReady(Dashboard.class, "shrinking");

    client.resources(AnalyticsStream.class).inNamespace(NS).withName("shrink")
        .edit(s -> {
          s.getSpec().getMeasures().removeIf(m -> m.getName().equals("buyers"));
          return s;
        });

    await().atMost(READY_WITHIN).untilAsserted(() -> {
      Condition panelsValid = condition(dashboard("shrinking"), ConditionType.PanelsValid);
      assertThat(panelsValid).extracting(Condition::getStatus, Condition::getReason).containsExactly("False", "UnknownMeasure");
      assertThat(panelsValid.getMessage()).startsWith("panel events: stream shrink has no measure buyers");
      assertThat(queryPipeline("shrinking").problems()).extracting(PanelProblem::panel).containsExactly("events");
    });
  }

  @Test
  void aVariableOverAnUnknownDimensionMakesThePanelsNotValid() {
    Dashboard dashboard = Examples.quickstartDashboard();
    dashboard.getMetadata().setName("novar");
    dashboard.getSpec().getVariables().get(0).setDimension("browser");
    client.resource(dashboard).create();

    await().atMost(READY_WITHIN).untilAsserted(() -> {
      Condition panelsValid = condition(dashboard("novar"), ConditionType.PanelsValid);
      assertThat(panelsValid).extracting(Condition::getStatus, Condition::getReason).containsExactly("False", "UnknownDimension");
      assertThat(panelsValid.getMessage()).startsWith("variable country: ");
    });
  }

  @Test
  void theQueryWorkloadGetsResourcesAnIngressWhileAskedForAndTheUrlFollows() {
    Dashboard dashboard = Examples.quickstartDashboard();
    dashboard.getMetadata().setName("exposed");
    IngressSpec ingress = new IngressSpec();
    ingress.setHost("dash.example.com");
    ingress.setPath("/checkout");
    ingress.setClassName("nginx");
    ingress.setTlsSecret("dash-tls");
    dashboard.getSpec().getQuery().setIngress(ingress);
    ResourcesSpec resources = new ResourcesSpec();
    resources.setRequests(Map.of("cpu", "250m"));
    dashboard.getSpec().getQuery().setResources(resources);
    dashboard.getSpec().getQuery().setReplicas(2);
    client.resource(dashboard).create();

    awaitReady(Dashboard.class, "exposed");
    assertThat(dashboard("exposed").getStatus().getUrl()).isEqualTo("https://dash.example.com/checkout/");
    Ingress created = client.network().v1().ingresses().inNamespace(NS).withName("exposed-query").get();
    assertThat(created.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(created.getSpec().getRules()).singleElement().satisfies(rule -> {
      assertThat(rule.getHost()).isEqualTo("dash.example.com");
      assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
        assertThat(path.getPath()).isEqualTo("/checkout");
        assertThat(path.getBackend().getService().getName()).isEqualTo("exposed-query");
        assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
      });
    });
    assertThat(created.getSpec().getTls()).singleElement().satisfies(tls -> assertThat(tls.getSecretName()).isEqualTo("dash-tls"));
    Deployment deployment = client.apps().deployments().inNamespace(NS).withName("exposed-query").get();
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("250m")).containsEntry("memory", new Quantity("256Mi"));
    assertThat(container.getResources().getLimits()).containsEntry("memory", new Quantity("512Mi")).doesNotContainKey("cpu");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");

    client.resources(Dashboard.class).inNamespace(NS).withName("exposed").edit(d -> {
      d.getSpec().getQuery().setIngress(null);
      return d;
    });
    await().atMost(READY_WITHIN).untilAsserted(() -> {
      assertThat(client.network().v1().ingresses().inNamespace(NS).withName("exposed-query").get()).isNull();
      assertThat(dashboard("exposed").getStatus().getUrl()).isEqualTo("http://exposed-query.default.svc:8080/");
    });

    // what a load balancer (or local mode's runner) publishes on the Service becomes the URL
    client.services().inNamespace(NS).withName("exposed-query").subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"status\":{\"loadBalancer\":{\"ingress\":[{\"ip\":\"127.0.0.1\",\"ports\":[{\"port\":43210,\"protocol\":\"TCP\"}]}]}}}");
    await().atMost(READY_WITHIN).untilAsserted(() ->
        assertThat(dashboard("exposed").getStatus().getUrl()).isEqualTo("http://127.0.0.1:43210/"));
  }

  @Test
  void aValidDashboardGetsItsQueryWorkload() {
    client.resource(Examples.quickstartDashboard()).create();

    awaitReady(Dashboard.class, "checkout-health");
    Dashboard dashboard = dashboard("checkout-health");
    assertThat(dashboard.getStatus().getUrl()).isEqualTo("http://checkout-health-query.default.svc:8080/");
    assertThat(dashboard.getStatus().getObservedGeneration()).isNotNull()
        .isEqualTo(dashboard.getMetadata().getGeneration());

    ConfigMap configMap = client.configMaps().inNamespace(NS).withName("checkout-health-query").get();
    QueryPipeline pipeline = PipelineJson.read(configMap.getData().get("query.json"), QueryPipeline.class);
    assertThat(pipeline.panels()).hasSize(3);
    assertThat(pipeline.variables()).extracting(v -> v.getName()).containsExactly("country");
    assertThat(pipeline.streams()).singleElement()
        .satisfies(s -> assertThat(s.database()).isEqualTo(database))
        .satisfies(s -> assertThat(s.granularities()).containsExactly("1m", "1h", "1d"));

    Deployment deployment = client.apps().deployments().inNamespace(NS).withName("checkout-health-query").get();
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("ghcr.io/pulseboard/runtime-query:0.1.0-SNAPSHOT");
    assertThat(env(container, "REDIS_URL").getValueFrom().getSecretKeyRef().getName()).isEqualTo("redis");

    Service service = client.services().inNamespace(NS).withName("checkout-health-query").get();
    assertThat(service.getSpec().getPorts()).singleElement()
        .satisfies(p -> assertThat(p.getName()).isEqualTo("http"))
        .satisfies(p -> assertThat(p.getPort()).isEqualTo(8080));
  }

  @Test
  void aDashboardWaitingForItsStreamBecomesReadyWhenTheStreamDoes() {
    Dashboard dashboard = Examples.quickstartDashboard();
    dashboard.getMetadata().setName("early");
    dashboard.getSpec().getPanels().forEach(p -> p.setStream("orders"));
    client.resource(dashboard).create();
    await().atMost(READY_WITHIN).untilAsserted(() ->
        assertThat(condition(dashboard("early"), ConditionType.Ready).getReason()).isEqualTo("UnknownStream"));

    client.resource(quickstartStream("orders", topic)).create();

    awaitReady(Dashboard.class, "early");
  }

  private QueryPipeline queryPipeline(String dashboard) {
    ConfigMap configMap = client.configMaps().inNamespace(NS).withName(dashboard + "-query").get();
    assertThat(configMap).as("the query ConfigMap of " + dashboard).isNotNull();
    return PipelineJson.read(configMap.getData().get("query.json"), QueryPipeline.class);
  }

  private AnalyticsStream quickstartStream(String name, String sourceTopic) {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getMetadata().setName(name);
    stream.getSpec().getClickhouse().setDatabase(database);
    stream.getSpec().getSource().getKafka().setTopic(sourceTopic);
    return stream;
  }

  private <T extends io.fabric8.kubernetes.api.model.HasMetadata> void awaitReady(Class<T> type, String name) {
    await().atMost(READY_WITHIN).untilAsserted(() -> {
      T resource = client.resources(type).inNamespace(NS).withName(name).get();
      List<Condition> conditions = type == AnalyticsStream.class
          ? (((AnalyticsStream) resource).getStatus() == null ? null : ((AnalyticsStream) resource).getStatus().getConditions())
          : (((Dashboard) resource).getStatus() == null ? null : ((Dashboard) resource).getStatus().getConditions());
      assertThat(Conditions.find(conditions, ConditionType.Ready)).as(type.getSimpleName() + " " + name)
          .extracting(Condition::getStatus).isEqualTo("True");
    });
  }

  private AnalyticsStream stream(String name) {
    return client.resources(AnalyticsStream.class).inNamespace(NS).withName(name).get();
  }

  private Dashboard dashboard(String name) {
    return client.resources(Dashboard.class).inNamespace(NS).withName(name).get();
  }

  private static Condition condition(AnalyticsStream stream, ConditionType type) {
    return Conditions.find(stream.getStatus() == null ? null : stream.getStatus().getConditions(), type);
  }

  private static Condition condition(Dashboard dashboard, ConditionType type) {
    return Conditions.find(dashboard.getStatus() == null ? null : dashboard.getStatus().getConditions(), type);
  }

  private static EnvVar env(Container container, String name) {
    return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
  }

  private static io.fabric8.kubernetes.api.model.Secret secret(String name, Map<String, String> values) {
    SecretBuilder secret = new SecretBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata();
    values.forEach((k, v) -> secret.addToData(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return secret.build();
  }
}
