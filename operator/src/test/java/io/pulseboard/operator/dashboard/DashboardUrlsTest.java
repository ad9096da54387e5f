package io.pulseboard.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.api.v1alpha1.IngressSpec;
import io.pulseboard.operator.testing.Examples;
import org.junit.jupiter.api.Test;

class DashboardUrlsTest {
  private static Service published(String ip, String hostname, Integer port) {
    ServiceBuilder service = new ServiceBuilder().withNewMetadata().withName("checkout-health-query").endMetadata();
    var ingress = service.withNewStatus().withNewLoadBalancer().addNewIngress().withIp(ip).withHostname(hostname);
    if (port != null) {
      ingress.addNewPort().withPort(port).withProtocol("TCP").endPort();
    }
    return ingress.endIngress().endLoadBalancer().endStatus().build();
  }

  @Test
  void theIngressWinsThenThePublishedAddressThenTheClusterName() {
    Dashboard dashboard = Examples.quickstartDashboard();
    assertThat(DashboardUrls.of(dashboard, null)).isEqualTo("http://checkout-health-query.default.svc:8080/");
    assertThat(DashboardUrls.of(dashboard, published("127.0.0.1", null, 40123))).isEqualTo("http://127.0.0.1:40123/");
    assertThat(DashboardUrls.of(dashboard, published(null, "lb.example.com", null))).isEqualTo("http://lb.example.com:8080/");

    IngressSpec ingress = new IngressSpec();
    ingress.setHost("dash.example.com");
    dashboard.getSpec().getQuery().setIngress(ingress);
    assertThat(DashboardUrls.of(dashboard, published("127.0.0.1", null, 40123))).isEqualTo("http://dash.example.com/");
    ingress.setPath("/shop");
    ingress.setTlsSecret("tls");
    assertThat(DashboardUrls.of(dashboard, null)).isEqualTo("https://dash.example.com/shop/");
  }

  @Test
  void queryResourcesAreTheSpecsOverTheDefaults() {
    var query = Examples.quickstartDashboard().getSpec().getQuery();
    assertThat(QueryResources.of(query).getRequests()).containsOnlyKeys("cpu", "memory");
    assertThat(QueryResources.of(query).getLimits()).containsOnlyKeys("memory");

    var resources = new io.pulseboard.api.v1alpha1.ResourcesSpec();
    resources.setLimits(java.util.Map.of("cpu", "2", "memory", "1Gi"));
    query.setResources(resources);
    assertThat(QueryResources.of(query).getLimits())
        .containsEntry("cpu", new io.fabric8.kubernetes.api.model.Quantity("2"))
        .containsEntry("memory", new io.fabric8.kubernetes.api.model.Quantity("1Gi"));
    assertThat(QueryResources.of(query).getRequests().get("memory").toString()).isEqualTo("256Mi");
  }
}
