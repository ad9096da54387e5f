package io.pulseboard.operator.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
  private static final WorkloadSpec QUERY = new WorkloadSpec("health-query", "shop", WorkloadLabels.QUERY, "health",
      "query", "ghcr.io/pulseboard/runtime-query:1.2.3", 2, "query.json", "{\"dashboard\":\"health\"}",
      "clickhouse", "redis");

  @Test
  void theConfigMapHoldsThePipelineFile() {
    ConfigMap configMap = Workloads.configMap(QUERY);

    assertThat(configMap.getMetadata().getName()).isEqualTo("health-query");
    assertThat(configMap.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(configMap.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "app.kubernetes.io/name", "pulseboard-query",
        "app.kubernetes.io/instance", "health",
        "app.kubernetes.io/managed-by", "pulseboard-operator"));
    assertThat(configMap.getData()).containsExactly(Map.entry("query.json", "{\"dashboard\":\"health\"}"));
  }

  @Test
  void theDeploymentFollowsTheRuntimeContract() {
    Deployment deployment = Workloads.deployment(QUERY);

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(deployment.getSpec().getSelector().getMatchLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "app.kubernetes.io/name", "pulseboard-query", "app.kubernetes.io/instance", "health"));
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("ghcr.io/pulseboard/runtime-query:1.2.3");
    assertThat(container.getPorts()).singleElement()
        .satisfies(p -> assertThat(p.getName()).isEqualTo("http"))
        .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
    assertThat(container.getVolumeMounts()).singleElement()
        .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/etc/pulseboard"));
    assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes()).singleElement()
        .satisfies(v -> assertThat(v.getConfigMap().getName()).isEqualTo("health-query"));
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(container.getEnv()).extracting(EnvVar::getName).containsExactly("PULSEBOARD_CONFIG_DIR",
        "PULSEBOARD_HTTP_PORT", "CLICKHOUSE_URL", "CLICKHOUSE_USER", "CLICKHOUSE_PASSWORD", "REDIS_URL");
    assertThat(env(container, "PULSEBOARD_CONFIG_DIR").getValue()).isEqualTo("/etc/pulseboard");
    assertThat(env(container, "PULSEBOARD_HTTP_PORT").getValue()).isEqualTo("8080");
    assertThat(env(container, "CLICKHOUSE_URL").getValueFrom().getSecretKeyRef())
        .satisfies(r -> assertThat(r.getName()).isEqualTo("clickhouse"))
        .satisfies(r -> assertThat(r.getKey()).isEqualTo("url"))
        .satisfies(r -> assertThat(r.getOptional()).isFalse());
    assertThat(env(container, "CLICKHOUSE_PASSWORD").getValueFrom().getSecretKeyRef().getOptional()).isTrue();
    assertThat(env(container, "REDIS_URL").getValueFrom().getSecretKeyRef())
        .satisfies(r -> assertThat(r.getName()).isEqualTo("redis"))
        .satisfies(r -> assertThat(r.getKey()).isEqualTo("url"));
  }

  @Test
  void anotherPipelineRollsThePods() {
    WorkloadSpec changed = new WorkloadSpec(QUERY.name(), QUERY.namespace(), QUERY.component(), QUERY.instance(),
        QUERY.container(), QUERY.image(), QUERY.replicas(), QUERY.configFile(), "{\"dashboard\":\"other\"}",
        QUERY.clickhouseSecret(), QUERY.redisSecret());

    assertThat(hash(Workloads.deployment(changed))).isNotEqualTo(hash(Workloads.deployment(QUERY)));
  }

  @Test
  void withoutARedisSecretThereIsNoRedisUrl() {
    WorkloadSpec ingest = new WorkloadSpec("checkout-ingest", "shop", WorkloadLabels.INGEST, "checkout", "ingest",
        "img", 1, "ingest.json", "{}", "clickhouse", null);

    Container container = Workloads.deployment(ingest).getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(container.getEnv()).extracting(EnvVar::getName).doesNotContain("REDIS_URL");
  }

  @Test
  void eachIngestPodGetsItsOwnNameAsInstanceIdAndQueryPodsNone() {
    WorkloadSpec ingest = new WorkloadSpec("checkout-ingest", "shop", WorkloadLabels.INGEST, "checkout", "ingest",
        "img", 2, "ingest.json", "{}", "clickhouse", null);

    Container container = Workloads.deployment(ingest).getSpec().getTemplate().getSpec().getContainers().get(0);

    EnvVar instanceId = env(container, "PULSEBOARD_INSTANCE_ID");
    assertThat(instanceId.getValue()).isNull();
    assertThat(instanceId.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
    Container query = Workloads.deployment(QUERY).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(query.getEnv()).extracting(EnvVar::getName).doesNotContain("PULSEBOARD_INSTANCE_ID");
  }

  @Test
  void theServiceExposesPortHttpOfTheQueryPods() {
    Service service = Workloads.service(QUERY);

    assertThat(service.getSpec().getSelector()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "app.kubernetes.io/name", "pulseboard-query", "app.kubernetes.io/instance", "health"));
    assertThat(service.getSpec().getPorts()).singleElement()
        .satisfies(p -> assertThat(p.getName()).isEqualTo("http"))
        .satisfies(p -> assertThat(p.getPort()).isEqualTo(8080))
        .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));
  }

  private static EnvVar env(Container container, String name) {
    return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
  }

  private static String hash(Deployment deployment) {
    return deployment.getSpec().getTemplate().getMetadata().getAnnotations().get(Workloads.CONFIG_HASH);
  }
}
