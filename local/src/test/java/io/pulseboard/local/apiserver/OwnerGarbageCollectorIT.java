package io.pulseboard.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Objects owned by a deleted custom resource go away, as a real API server's garbage collector makes them. */
class OwnerGarbageCollectorIT {
  EmbeddedApiServer server;
  KubernetesClient client;
  OwnerGarbageCollector collector;

  @BeforeEach
  void start() {
    server = EmbeddedApiServer.start();
    client = server.client();
    CrdInstaller.install(client, getClass().getClassLoader());
    collector = OwnerGarbageCollector.start(client, Duration.ofMillis(300));
  }

  @AfterEach
  void stop() {
    collector.close();
    server.close();
  }

  @Test
  void deletesWhatTheDeletedDashboardOwnedAndKeepsTheRest() {
    GenericKubernetesResource dashboard = client.resource(new GenericKubernetesResourceBuilder()
        .withApiVersion("analytics.pulseboard.io/v1alpha1").withKind("Dashboard")
        .withNewMetadata().withName("sales").withNamespace("default").endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of("title", "Sales"))).build()).create();
    client.resource(owned("sales-query", dashboard)).create();
    client.resource(new ConfigMapBuilder().withNewMetadata().withName("unowned").withNamespace("default").endMetadata()
        .build()).create();

    client.resource(dashboard).delete();

    await().atMost(Duration.ofSeconds(10)).until(() ->
        client.configMaps().inNamespace("default").withName("sales-query").get() == null);
    assertThat(client.configMaps().inNamespace("default").withName("unowned").get()).isNotNull();
  }

  @Test
  void keepsWhatAnExistingOwnerOwns() throws Exception {
    GenericKubernetesResource dashboard = client.resource(new GenericKubernetesResourceBuilder()
        .withApiVersion("analytics.pulseboard.io/v1alpha1").withKind("Dashboard")
        .withNewMetadata().withName("ops").withNamespace("default").endMetadata().build()).create();
    client.resource(owned("ops-query", dashboard)).create();

    assertThat(collector.collect()).isZero();
    assertThat(client.configMaps().inNamespace("default").withName("ops-query").get()).isNotNull();
  }

  private static ConfigMap owned(String name, GenericKubernetesResource owner) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("default")
        .addNewOwnerReference().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true)
        .endOwnerReference().endMetadata().build();
  }
}
