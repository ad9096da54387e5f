package io.pulseboard.local;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.local.runner.DeploymentKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The resources of {@code examples/quickstart/}, read at start so a broken file fails before any service
 * runs: the stream whose topic the demo generator fills, and the dashboards whose query service local mode
 * waits for.
 */
final class Quickstart {
  private static final String DASHBOARD = "Dashboard";
  private static final String STREAM = "AnalyticsStream";
  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private final List<GenericKubernetesResource> resources;
  private final String namespace;

  private Quickstart(List<GenericKubernetesResource> resources, String namespace) {
    this.resources = resources;
    this.namespace = namespace;
  }

  /** Reads every {@code *.yaml} and {@code *.yml} of {@code dir}, in name order. */
  static Quickstart load(Path dir, String defaultNamespace) {
    KubernetesSerialization serialization = new KubernetesSerialization();
    List<GenericKubernetesResource> resources = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          Object parsed = serialization.unmarshal(in);
          List<?> items = parsed instanceof List<?> list ? list : List.of(parsed);
          for (Object item : items) {
            resources.add(serialization.convertValue(item, GenericKubernetesResource.class));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
    Quickstart quickstart = new Quickstart(resources, defaultNamespace);
    if (quickstart.ofKind(STREAM).isEmpty() || quickstart.ofKind(DASHBOARD).isEmpty()) {
      throw new IllegalArgumentException(dir + " needs at least one AnalyticsStream and one Dashboard");
    }
    return quickstart;
  }

  /** The Kafka topic of the first stream, which the demo generator fills. */
  String demoTopic() {
    GenericKubernetesResource stream = ofKind(STREAM).get(0);
    String topic = stream.get("spec", "source", "kafka", "topic");
    if (topic == null) {
      throw new IllegalArgumentException("AnalyticsStream " + stream.getMetadata().getName() + " names no spec.source.kafka.topic");
    }
    return topic;
  }

  /** The query Deployments the operator creates for the dashboards: {@code <dashboard>-query}. */
  List<DeploymentKey> dashboardDeployments() {
    return ofKind(DASHBOARD).stream().map(d -> new DeploymentKey(namespaceOf(d), d.getMetadata().getName() + "-query")).toList();
  }

  /**
   * Creates each resource, or replaces it when it exists, with the annotation kubectl apply leaves, so a later
   * {@code kubectl apply -f examples/quickstart/} merges against it as if kubectl had created them.
   */
  void apply(KubernetesClient client) {
    KubernetesSerialization serialization = client.getKubernetesSerialization();
    for (GenericKubernetesResource resource : resources) {
      GenericKubernetesResource applied = serialization.clone(resource);
      applied.getMetadata().getAnnotations().put(LAST_APPLIED, serialization.asJson(resource));
      client.resource(applied).inNamespace(namespaceOf(resource)).createOr(NonDeletingOperation::update);
    }
  }

  private String namespaceOf(HasMetadata resource) {
    String ns = resource.getMetadata().getNamespace();
    return ns == null ? namespace : ns;
  }

  private List<GenericKubernetesResource> ofKind(String kind) {
    return resources.stream()
        .filter(r -> r.getKind().equals(kind) && r.getApiVersion().startsWith(AnalyticsStream.GROUP + "/"))
        .toList();
  }
}
