package io.pulseboard.local.runner;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes where a Service's pods are reachable on this machine, as a cloud load balancer would: the
 * Service's status.loadBalancer.ingress[0] becomes 127.0.0.1 with the port the Deployment's first replica
 * listens on. The operator turns it into the Dashboard's status.url. Writes only when it differs.
 */
final class ServiceStatusWriter {
  static final String LOOPBACK = "127.0.0.1";
  private static final Logger LOG = LoggerFactory.getLogger(ServiceStatusWriter.class);

  private final KubernetesClient client;

  ServiceStatusWriter(KubernetesClient client) {
    this.client = client;
  }

  /** Publishes {@code port} on every Service of the Deployment's namespace that selects its pods. */
  void write(List<Service> services, Deployment deployment, int port) {
    for (Service service : services) {
      if (selects(service, deployment) && !published(service, port)) {
        String patch = "{\"status\":{\"loadBalancer\":{\"ingress\":[{\"ip\":\"" + LOOPBACK + "\",\"ports\":[{\"port\":"
            + port + ",\"protocol\":\"TCP\"}]}]}}}";
        try {
          client.services().inNamespace(service.getMetadata().getNamespace()).withName(service.getMetadata().getName())
              .subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), patch);
          LOG.info("Service {}/{} is reachable at http://{}:{}/", service.getMetadata().getNamespace(),
              service.getMetadata().getName(), LOOPBACK, port);
        } catch (KubernetesClientException e) {
          LOG.debug("cannot write the status of Service {}/{}: {}", service.getMetadata().getNamespace(),
              service.getMetadata().getName(), e.getMessage());
        }
      }
    }
  }

  /** A Service with a selector, in the Deployment's namespace, whose every label the pod template carries. */
  static boolean selects(Service service, Deployment deployment) {
    Map<String, String> selector = service.getSpec() == null ? null : service.getSpec().getSelector();
    Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata() == null ? null
        : deployment.getSpec().getTemplate().getMetadata().getLabels();
    return selector != null && !selector.isEmpty() && labels != null
        && Objects.equals(service.getMetadata().getNamespace(), deployment.getMetadata().getNamespace())
        && labels.entrySet().containsAll(selector.entrySet());
  }

  private static boolean published(Service service, int port) {
    if (service.getStatus() == null || service.getStatus().getLoadBalancer() == null
        || service.getStatus().getLoadBalancer().getIngress() == null
        || service.getStatus().getLoadBalancer().getIngress().isEmpty()) {
      return false;
    }
    LoadBalancerIngress first = service.getStatus().getLoadBalancer().getIngress().get(0);
    return LOOPBACK.equals(first.getIp()) && first.getPorts() != null && !first.getPorts().isEmpty()
        && Objects.equals(first.getPorts().get(0).getPort(), port);
  }
}
