package io.pulseboard.operator.dashboard;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.api.v1alpha1.IngressSpec;
import io.pulseboard.operator.workload.Workloads;

/**
 * Where a dashboard is reachable, for status.url: its Ingress ({@code https://host/path} with a TLS
 * Secret, else http), else the address a load balancer published on the query Service (local mode's
 * runner publishes 127.0.0.1 and the port it serves on), else the Service's cluster DNS name.
 */
final class DashboardUrls {
  private DashboardUrls() {}

  static String of(Dashboard dashboard, Service service) {
    IngressSpec ingress = dashboard.getSpec().getQuery() == null ? null : dashboard.getSpec().getQuery().getIngress();
    if (ingress != null) {
      String path = QueryIngressDependentResource.path(ingress);
      return (ingress.getTlsSecret() != null ? "https://" : "http://") + ingress.getHost() + (path.endsWith("/") ? path : path + "/");
    }
    LoadBalancerIngress published = published(service);
    if (published != null) {
      String host = published.getIp() != null && !published.getIp().isBlank() ? published.getIp() : published.getHostname();
      int port = published.getPorts() == null || published.getPorts().isEmpty() || published.getPorts().get(0).getPort() == null
          ? Workloads.HTTP_PORT : published.getPorts().get(0).getPort();
      return "http://" + host + ":" + port + "/";
    }
    return "http://" + dashboard.getMetadata().getName() + "-query." + dashboard.getMetadata().getNamespace() + ".svc:"
        + Workloads.HTTP_PORT + "/";
  }

  private static LoadBalancerIngress published(Service service) {
    if (service == null || service.getStatus() == null || service.getStatus().getLoadBalancer() == null
        || service.getStatus().getLoadBalancer().getIngress() == null) {
      return null;
    }
    return service.getStatus().getLoadBalancer().getIngress().stream()
        .filter(i -> (i.getIp() != null && !i.getIp().isBlank()) || (i.getHostname() != null && !i.getHostname().isBlank()))
        .findFirst()
        .orElse(null);
  }
}
