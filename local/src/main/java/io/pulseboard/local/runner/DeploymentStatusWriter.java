package io.pulseboard.local.runner;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what runs back into the Deployment's status, as the Deployment controller would, so the operator
 * sees its workloads become ready. Writes only when the status differs from what the API server holds.
 */
final class DeploymentStatusWriter {
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentStatusWriter.class);

  private final KubernetesClient client;

  DeploymentStatusWriter(KubernetesClient client) {
    this.client = client;
  }

  void write(Deployment current, DeploymentSnapshot running) {
    DeploymentStatus status = current.getStatus();
    Long generation = current.getMetadata().getGeneration();
    if (status != null && equal(status.getReplicas(), running.replicas())
        && equal(status.getReadyReplicas(), running.readyReplicas())
        && equal(status.getAvailableReplicas(), running.readyReplicas())
        && equal(status.getUpdatedReplicas(), running.replicas())
        && Objects.equals(status.getObservedGeneration(), generation)) {
      return;
    }
    String patch = "{\"status\":{\"replicas\":%d,\"readyReplicas\":%d,\"availableReplicas\":%d,\"updatedReplicas\":%d,\"observedGeneration\":%s}}"
        .formatted(running.replicas(), running.readyReplicas(), running.readyReplicas(), running.replicas(), generation);
    try {
      client.apps().deployments().inNamespace(current.getMetadata().getNamespace())
          .withName(current.getMetadata().getName()).subresource("status")
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException e) {
      LOG.debug("cannot write the status of {}/{}: {}", current.getMetadata().getNamespace(),
          current.getMetadata().getName(), e.getMessage());
    }
  }

  /** Kubernetes leaves zero counts out of a status. */
  private static boolean equal(Integer written, int actual) {
    return (written == null ? 0 : written) == actual;
  }
}
