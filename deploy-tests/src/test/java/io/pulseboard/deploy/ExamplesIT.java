package io.pulseboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.Condition;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.deploy.testing.ApiRequest;
import io.pulseboard.deploy.testing.RecordingApiServer;
import io.pulseboard.operator.PulseboardOperator;
import io.pulseboard.operator.config.DatabasePolicy;
import io.pulseboard.operator.config.OperatorConfig;
import io.pulseboard.services.Endpoints;
import io.pulseboard.services.SharedServices;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.Test;

/**
 * Applies every file under examples/ to the CRUD mock API server with the operator running in-process
 * against real ClickHouse and Kafka, with the multi-namespace example's database policy, and checks what
 * a user would see: each stream and dashboard Ready, except the one refused on purpose. Then deletes them
 * all. Every request the operator made along the way is recorded, and each must be granted by the
 * chart's ClusterRole: that is the RBAC test, run on the operator's real traffic.
 */
class ExamplesIT {
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);
  private static final DatabasePolicy POLICY = DatabasePolicy.parse("policy",
      "default=quickstart,shop=shop,web=web,team-a=team_a_*,team-b=team_b");
  /** Examples that are refused on purpose, and the reason their Ready condition must show. */
  private static final Map<String, String> EXPECTED_REFUSALS = Map.of("team-b/peek", "DatabaseNotAllowed");

  @Test
  void everyExampleBecomesReadyAndTheOperatorNeedsNoMoreThanTheChartGrants() throws Exception {
    Endpoints services = SharedServices.endpoints();
    List<HasMetadata> examples = Examples.all();
    createTopics(services.kafkaBootstrap(), examples);
    try (RecordingApiServer api = RecordingApiServer.start();
        KubernetesClient operatorClient = api.operatorClient()) {
      KubernetesClient client = api.client();
      for (String namespace : examples.stream().map(r -> r.getMetadata().getNamespace()).collect(Collectors.toSet())) {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        client.resource(secret(namespace, "clickhouse", "url", services.clickhouseHttp())).create();
        client.resource(secret(namespace, "redis", "url", services.redis())).create();
      }
      Operator operator = PulseboardOperator.start(operatorClient,
          OperatorConfig.local(services.kafkaBootstrap()).withDatabasePolicy(POLICY));
      try {
        examples.forEach(r -> client.resource(r).create());
        for (HasMetadata example : examples) {
          String id = example.getMetadata().getNamespace() + "/" + example.getMetadata().getName();
          String expected = EXPECTED_REFUSALS.getOrDefault(id, "Reconciled");
          await().alias(example.getKind() + " " + id).atMost(READY_WITHIN).untilAsserted(() ->
              assertThat(ready(client, example)).isNotNull()
                  .extracting(Condition::getReason, Condition::getStatus)
                  .containsExactly(expected, expected.equals("Reconciled") ? "True" : "False"));
        }
        examples.forEach(r -> client.resource(r).delete());
        await().atMost(READY_WITHIN).untilAsserted(() -> {
          assertThat(client.resources(AnalyticsStream.class).inAnyNamespace().list().getItems()).isEmpty();
          assertThat(client.resources(Dashboard.class).inAnyNamespace().list().getItems()).isEmpty();
        });
      } finally {
        operator.stop();
      }
      Set<ApiRequest.Grant> used = operatorGrants(api);
      assertThat(used).as("the recording saw the operator's reads and writes").contains(
          new ApiRequest.Grant("create", "apps", "deployments"), new ApiRequest.Grant("get", "", "secrets"),
          new ApiRequest.Grant("patch", "analytics.pulseboard.io", "analyticsstreams/status"));
      assertThat(used).as("requests of the operator that the chart's ClusterRole does not grant")
          .isSubsetOf(OperatorRbac.clusterRoleGrants());
    }
  }

  private static Set<ApiRequest.Grant> operatorGrants(RecordingApiServer api) {
    return api.requests().stream()
        .filter(r -> RecordingApiServer.OPERATOR_AGENT.equals(r.userAgent()))
        .flatMap(r -> r.grant().stream())
        .collect(Collectors.toCollection(() -> new TreeSet<>(OperatorRbac.ORDER)));
  }

  private static Condition ready(KubernetesClient client, HasMetadata example) {
    HasMetadata current = client.resource(example).get();
    List<Condition> conditions = current instanceof AnalyticsStream s && s.getStatus() != null
        ? s.getStatus().getConditions()
        : current instanceof Dashboard d && d.getStatus() != null ? d.getStatus().getConditions() : List.of();
    return conditions.stream().filter(c -> c.getType().equals("Ready")).findFirst().orElse(null);
  }

  private static void createTopics(String bootstrap, List<HasMetadata> examples) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      for (HasMetadata example : examples) {
        if (example instanceof AnalyticsStream stream) {
          try {
            admin.createTopics(List.of(new NewTopic(stream.getSpec().getSource().getKafka().getTopic(), 1,
                (short) 1))).all().get();
          } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
              throw e;
            }
          }
        }
      }
    }
  }

  private static io.fabric8.kubernetes.api.model.Secret secret(String namespace, String name, String key,
      String value) {
    return new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .addToStringData(key, value).build();
  }
}
