package io.pulseboard.operator.stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.operator.clickhouse.IngestRollout;
import io.pulseboard.operator.workload.WorkloadLabels;
import io.pulseboard.operator.workload.Workloads;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads how far the ingest workers are in running their ConfigMap. The ConfigMap is read from the API
 * server, not the informer cache: a stale version would let the schema state machine replace views that
 * workers already write to.
 */
final class IngestRollouts {
  private IngestRollouts() {}

  static IngestRollout read(KubernetesClient client, String namespace, String stream, Optional<Deployment> deployment) {
    String name = stream + "-ingest";
    ConfigMap configMap = client.configMaps().inNamespace(namespace).withName(name).get();
    String json = configMap == null || configMap.getData() == null ? null : configMap.getData().get(IngestPipeline.FILE);
    if (json == null) {
      return IngestRollout.none();
    }
    int version = PipelineJson.read(json, IngestPipeline.class).schemaVersion();
    String hash = Workloads.configHash(json);
    boolean rolledOut = deployment.filter(d -> rolledOut(d, hash)).isPresent()
        && noOlderPods(client, namespace, stream, hash);
    return new IngestRollout(OptionalInt.of(version), rolledOut);
  }

  /**
   * The Deployment's template carries this config and its status counts only updated, available replicas
   * for the current generation (the condition {@code kubectl rollout status} waits for).
   */
  static boolean rolledOut(Deployment deployment, String configHash) {
    var template = deployment.getSpec().getTemplate().getMetadata();
    if (template == null || template.getAnnotations() == null
        || !configHash.equals(template.getAnnotations().get(Workloads.CONFIG_HASH))) {
      return false;
    }
    DeploymentStatus status = deployment.getStatus();
    if (status == null) {
      return false;
    }
    Long generation = deployment.getMetadata().getGeneration();
    if (generation != null && (status.getObservedGeneration() == null || status.getObservedGeneration() < generation)) {
      return false;
    }
    int wanted = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
    return count(status.getUpdatedReplicas()) == wanted && count(status.getReplicas()) == wanted
        && count(status.getAvailableReplicas()) == wanted;
  }

  // a terminating pod of the old config may still flush rows: it is listed until it is gone
  private static boolean noOlderPods(KubernetesClient client, String namespace, String stream, String configHash) {
    return client.pods().inNamespace(namespace).withLabels(WorkloadLabels.selector(WorkloadLabels.INGEST, stream))
        .list().getItems().stream()
        .map(Pod::getMetadata)
        .allMatch(m -> m.getAnnotations() != null && configHash.equals(m.getAnnotations().get(Workloads.CONFIG_HASH)));
  }

  private static int count(Integer replicas) {
    return replicas == null ? 0 : replicas;
  }
}
