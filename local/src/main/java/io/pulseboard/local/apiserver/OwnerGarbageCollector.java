package io.pulseboard.local.apiserver;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of Kubernetes' garbage collector the operator relies on, which the CRUD mock lacks: an object of
 * the kinds the operator creates is deleted once none of its owners exists any more (owner gone, or
 * replaced by one with another uid). Without it, deleting a Dashboard would leave its query processes running.
 */
public final class OwnerGarbageCollector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OwnerGarbageCollector.class);
  private static final List<Kind> OWNED = List.of(
      new Kind("apps/v1", "Deployment"), new Kind("v1", "ConfigMap"), new Kind("v1", "Service"), new Kind("v1", "Secret"));

  private final KubernetesClient client;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "owner-garbage-collector"));

  private OwnerGarbageCollector(KubernetesClient client) {
    this.client = client;
  }

  public static OwnerGarbageCollector start(KubernetesClient client, Duration interval) {
    OwnerGarbageCollector collector = new OwnerGarbageCollector(client);
    collector.timer.scheduleWithFixedDelay(collector::collectSafely, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return collector;
  }

  /** Deletes every owned object whose owners are all gone; returns how many it deleted. */
  int collect() {
    int deleted = 0;
    for (Kind kind : OWNED) {
      for (GenericKubernetesResource object : client.genericKubernetesResources(kind.apiVersion(), kind.kind())
          .inAnyNamespace().list().getItems()) {
        List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
        String namespace = object.getMetadata().getNamespace();
        if (owners != null && !owners.isEmpty() && owners.stream().noneMatch(o -> exists(namespace, o))) {
          LOG.info("deleting {} {}/{}: its owner {} {} is gone", kind.kind(), namespace,
              object.getMetadata().getName(), owners.get(0).getKind(), owners.get(0).getName());
          client.genericKubernetesResources(kind.apiVersion(), kind.kind()).inNamespace(namespace)
              .withName(object.getMetadata().getName()).delete();
          deleted++;
        }
      }
    }
    return deleted;
  }

  private boolean exists(String namespace, OwnerReference owner) {
    GenericKubernetesResource current = client.genericKubernetesResources(owner.getApiVersion(), owner.getKind())
        .inNamespace(namespace).withName(owner.getName()).get();
    return current != null && owner.getUid().equals(current.getMetadata().getUid());
  }

  private void collectSafely() {
    try {
      collect();
    } catch (KubernetesClientException e) {
      LOG.warn("garbage collection failed: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private record Kind(String apiVersion, String kind) {}
}
