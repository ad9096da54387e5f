package io.pulseboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** helm lint and helm template of the chart, with the default values and the value sets under values/. */
class HelmChartTest {

  @Test
  void lintPassesStrictly() {
    LintResult result = new Helm(Chart.DIR).lint().strict().call();
    assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "namespaced.yaml", "monitoring.yaml", "minimal.yaml"})
  void everyRenderedManifestParsesStrictly(String valuesFile) {
    List<HasMetadata> resources = Chart.render(valuesFile.isEmpty() ? null : valuesFile);
    assertThat(resources).extracting(HasMetadata::getKind).contains("Deployment", "ServiceAccount", "Service");
  }

  @Test
  void aFieldTheKubernetesModelDoesNotKnowFailsTheStrictParse() {
    String misspelt = Chart.template(null, Map.of("securityContext.readOnlyRootFilesytem", true));
    assertThatThrownBy(() -> StrictManifests.parse(misspelt))
        .hasMessageContaining("securityContext.readOnlyRootFilesytem");
  }

  @Test
  void chartCrdsAreTheCommittedCrds() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../crds"))) {
      for (Path crd : files.toList()) {
        assertThat(Chart.DIR.resolve("crds").resolve(crd.getFileName()))
            .as("helm/pulseboard/crds must equal crds/; run ./pulseboard crds").hasSameTextualContentAs(crd);
      }
    }
    try (Stream<Path> files = Files.list(Chart.DIR.resolve("crds"))) {
      assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> Files.exists(Path.of("../crds", n)));
    }
  }

  @Test
  void defaultsRunARestrictedOperatorWatchingAllNamespaces() {
    List<HasMetadata> resources = Chart.render(null);
    Container operator = deployment(resources).getSpec().getTemplate().getSpec().getContainers().get(0);
    var pod = deployment(resources).getSpec().getTemplate().getSpec().getSecurityContext();
    assertThat(pod.getRunAsNonRoot()).isTrue();
    assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(operator.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(operator.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(operator.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(operator.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(operator.getResources().getLimits()).containsKey("memory");
    assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(operator.getImage()).isEqualTo("ghcr.io/pulseboard/operator:0.1.0-SNAPSHOT");
    assertThat(env(operator)).containsEntry("PULSEBOARD_NAMESPACES", "").containsEntry("PULSEBOARD_SSA", "true")
        .containsEntry("PULSEBOARD_METRICS_PORT", "8080").containsEntry("PULSEBOARD_LOG_LEVEL", "info")
        .containsEntry("PULSEBOARD_LEADER_ELECTION", "true").containsEntry("PULSEBOARD_DATABASE_POLICY", "")
        .doesNotContainKeys("PULSEBOARD_INGEST_IMAGE", "PULSEBOARD_QUERY_IMAGE");
    assertThat(kinds(resources, ClusterRoleBinding.class)).extracting(b -> b.getRoleRef().getName())
        .containsExactly("pb-operator");
    assertThat(kinds(resources, RoleBinding.class)).extracting(b -> b.getMetadata().getName())
        .containsExactly("pb-operator-leader-election");
    assertThat(resources).extracting(HasMetadata::getKind)
        .doesNotContain("ServiceMonitor", "PodMonitor", "PrometheusRule");
  }

  @Test
  void aListOfNamespacesGetsARoleInEachAndNoClusterRoleForTheOperator() {
    List<HasMetadata> resources = Chart.render("namespaced.yaml");
    assertThat(kinds(resources, Role.class)).extracting(r -> r.getMetadata().getNamespace() + "/" + r.getMetadata().getName())
        .containsExactlyInAnyOrder("team-a/pb-operator", "team-b/pb-operator",
            Chart.NAMESPACE + "/pb-operator-leader-election");
    assertThat(kinds(resources, RoleBinding.class)).allSatisfy(b ->
        assertThat(b.getSubjects()).singleElement().satisfies(s -> {
          assertThat(s.getName()).isEqualTo("pb-operator");
          assertThat(s.getNamespace()).isEqualTo(Chart.NAMESPACE);
        }));
    assertThat(kinds(resources, ClusterRole.class)).extracting(r -> r.getMetadata().getName())
        .containsExactlyInAnyOrder("pulseboard-edit", "pulseboard-view");
    assertThat(kinds(resources, ClusterRoleBinding.class)).isEmpty();
    Container operator = deployment(resources).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(env(operator)).containsEntry("PULSEBOARD_NAMESPACES", "team-a,team-b")
        .containsEntry("PULSEBOARD_DATABASE_POLICY", "team-a=team_a_*,team-b=team_b")
        .containsEntry("PULSEBOARD_KAFKA_BOOTSTRAP", "kafka-0.kafka:9092,kafka-1.kafka:9092")
        .containsEntry("PULSEBOARD_LOG_LEVEL", "debug");
    assertThat(deployment(resources).getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void aggregatedRolesLetNamespaceEditorsAndViewersUseStreamsAndDashboards() {
    Map<String, ClusterRole> roles = kinds(Chart.render(null), ClusterRole.class).stream()
        .collect(Collectors.toMap(r -> r.getMetadata().getName(), r -> r));
    assertThat(roles.get("pulseboard-edit").getMetadata().getLabels())
        .containsEntry("rbac.authorization.k8s.io/aggregate-to-edit", "true")
        .containsEntry("rbac.authorization.k8s.io/aggregate-to-admin", "true")
        .doesNotContainKey("rbac.authorization.k8s.io/aggregate-to-view");
    assertThat(roles.get("pulseboard-edit").getRules()).anySatisfy(rule -> {
      assertThat(rule.getResources()).contains("analyticsstreams", "dashboards");
      assertThat(rule.getVerbs()).contains("create", "update", "patch", "delete");
    });
    assertThat(roles.get("pulseboard-view").getMetadata().getLabels())
        .containsEntry("rbac.authorization.k8s.io/aggregate-to-view", "true")
        .doesNotContainKey("rbac.authorization.k8s.io/aggregate-to-edit");
    assertThat(roles.get("pulseboard-view").getRules()).allSatisfy(rule ->
        assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "list", "watch"));
  }

  @Test
  void monitoringRendersAServiceMonitorAndAlertsOnLagDeadLettersAndFreshness() {
    List<HasMetadata> resources = Chart.render("monitoring.yaml");
    ServiceMonitor monitor = kinds(resources, ServiceMonitor.class).get(0);
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
    assertThat(monitor.getSpec().getEndpoints()).singleElement()
        .satisfies(e -> assertThat(e.getPort()).isEqualTo("http-metrics"));
    List<Rule> rules = kinds(resources, PrometheusRule.class).get(0).getSpec().getGroups().stream()
        .flatMap(g -> g.getRules().stream()).toList();
    assertThat(rules).extracting(Rule::getAlert).contains("PulseboardIngestPaused",
        "PulseboardIngestLagging", "PulseboardIngestDeadLetters", "PulseboardIngestStale", "PulseboardReconcileFailing");
    assertThat(rules).extracting(r -> r.getExpr().getStrVal()).anySatisfy(e ->
        assertThat(e).contains("pulseboard_ingest_freshness_seconds").contains("> 120"));
    assertThat(rules).extracting(r -> r.getExpr().getStrVal()).anySatisfy(e ->
        assertThat(e).contains("kafka_consumer_fetch_manager_records_lag").contains("> 100000"));
    Container operator = deployment(resources).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(env(operator)).containsEntry("PULSEBOARD_INGEST_IMAGE", "registry.example.com/pulseboard/runtime-ingest:0.1.0");
  }

  @Test
  void minimalValuesLeaveOutLeaderElectionRbacAndAggregatedRoles() {
    List<HasMetadata> resources = Chart.render("minimal.yaml");
    assertThat(kinds(resources, Role.class)).isEmpty();
    assertThat(kinds(resources, ClusterRole.class)).extracting(r -> r.getMetadata().getName())
        .containsExactly("pb-operator");
    assertThat(env(deployment(resources).getSpec().getTemplate().getSpec().getContainers().get(0)))
        .containsEntry("PULSEBOARD_SSA", "false").containsEntry("PULSEBOARD_LEADER_ELECTION", "false");
  }

  @Test
  void theSchemaRefusesValuesTheOperatorWouldRefuseAtStart() {
    assertThatThrownBy(() -> Chart.template(null, Map.of("operator.logLevel", "loud")))
        .hasMessageContaining("logLevel");
    assertThatThrownBy(() -> Chart.template(null, Map.of("watchNamespaces[0]", "Team_A")))
        .hasMessageContaining("watchNamespaces");
    assertThatThrownBy(() -> Chart.template(null, Map.of("operator.databasePolicy.team-a", "Team-A")))
        .hasMessageContaining("databasePolicy");
    assertThatThrownBy(() -> Chart.template(null, Map.of("replica", 2)))
        .hasMessageContaining("replica");
  }

  private static Deployment deployment(List<HasMetadata> resources) {
    return kinds(resources, Deployment.class).get(0);
  }

  static <T extends HasMetadata> List<T> kinds(List<HasMetadata> resources, Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static Map<String, String> env(Container container) {
    return container.getEnv().stream().filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }
}
