package io.pulseboard.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pulseboard.local.demo.DemoTopic;
import io.pulseboard.local.runner.DeploymentKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The example dashboards besides the quickstart ({@code examples/<area>/}), brought up in local mode the way a
 * user would: the {@code clickhouse} and {@code redis} Secrets in each namespace they use, each stream's topic
 * with a few minutes of plausible events (so the screenshots show data), then every resource applied.
 */
final class ExampleDashboards {
  private static final String GROUP_PREFIX = "analytics.pulseboard.io/";
  private static final Duration HISTORY = Duration.ofMinutes(10);
  private static final int EVENTS_PER_SECOND = 2;
  /** Values the events take per dimension name (the examples' own vocabulary); others get a, b, c. */
  private static final Map<String, List<String>> DIMENSION_VALUES = Map.of(
      "country", List.of("us", "de", "gb", "fr", "jp", "br"),
      "channel", List.of("web", "app", "marketplace"),
      "payment", List.of("card", "paypal", "invoice", "klarna"),
      "action", List.of("add", "checkout-started", "remove"),
      "device", List.of("mobile", "desktop", "tablet"),
      "page", List.of("/", "/product", "/search", "/checkout", "/account"),
      "plan", List.of("free", "pro", "team"),
      "status", List.of("200", "404", "500", "503"),
      "endpoint", List.of("/api/orders", "/api/users", "/api/search"));

  private final List<GenericKubernetesResource> resources;

  private ExampleDashboards(List<GenericKubernetesResource> resources) {
    this.resources = resources;
  }

  /** Reads every YAML file of every folder of {@code examples/} except {@code quickstart}. */
  static ExampleDashboards load(Path examples) throws IOException {
    KubernetesSerialization serialization = new KubernetesSerialization();
    List<GenericKubernetesResource> resources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(examples)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.getParent().endsWith("quickstart"))
          .sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          Object parsed = serialization.unmarshal(in);
          for (Object item : parsed instanceof List<?> list ? list : List.of(parsed)) {
            GenericKubernetesResource resource = serialization.convertValue(item, GenericKubernetesResource.class);
            if (resource.getApiVersion() != null && resource.getApiVersion().startsWith(GROUP_PREFIX)) {
              resources.add(resource);
            }
          }
        }
      }
    }
    return new ExampleDashboards(resources);
  }

  /** The query Deployments of the example dashboards, {@code <dashboard>-query} in their namespaces. */
  List<DeploymentKey> queryDeployments() {
    return ofKind("Dashboard").stream()
        .map(d -> new DeploymentKey(d.getMetadata().getNamespace(), d.getMetadata().getName() + "-query")).toList();
  }

  /** Secrets, topics with events, then the streams and dashboards. */
  void apply(KubernetesClient client, String kafkaBootstrap, String clickhouseUrl, String redisUrl) {
    Set<String> namespaces = new TreeSet<>();
    resources.forEach(r -> namespaces.add(r.getMetadata().getNamespace()));
    for (String namespace : namespaces) {
      client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .createOr(NonDeletingOperation::update);
      secret(client, namespace, "clickhouse", clickhouseUrl);
      secret(client, namespace, "redis", redisUrl);
    }
    produceHistory(kafkaBootstrap);
    for (GenericKubernetesResource resource : resources) {
      client.resource(resource).inNamespace(resource.getMetadata().getNamespace()).createOr(NonDeletingOperation::update);
    }
  }

  private static void secret(KubernetesClient client, String namespace, String name, String url) {
    client.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withType("Opaque").withStringData(Map.of("url", url)).build()).createOr(NonDeletingOperation::update);
  }

  /** {@link #HISTORY} of events at {@link #EVENTS_PER_SECOND} for every stream's topic (created first). */
  private void produceHistory(String kafkaBootstrap) {
    Random random = new Random(42);
    ObjectMapper json = new ObjectMapper();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap, ProducerConfig.LINGER_MS_CONFIG, 20),
        new StringSerializer(), new StringSerializer())) {
      Set<String> filled = new TreeSet<>();
      for (GenericKubernetesResource stream : ofKind("AnalyticsStream")) {
        String topic = stream.get("spec", "source", "kafka", "topic");
        if (!filled.add(topic)) {
          continue; // a second stream on the same topic (multi-namespace's refused one) reads the same events
        }
        DemoTopic.ensure(kafkaBootstrap, topic, 1);
        Instant now = Instant.now();
        for (long ms = HISTORY.toMillis(); ms > 0; ms -= 1000 / EVENTS_PER_SECOND) {
          producer.send(new ProducerRecord<>(topic, event(stream, now.minusMillis(ms), random, json)));
        }
      }
      producer.flush();
    }
  }

  /** One event for a stream: its timestamp field in epoch ms, each dimension and field with a plausible value. */
  private static String event(GenericKubernetesResource stream, Instant at, Random random, ObjectMapper json) {
    ObjectNode event = json.createObjectNode();
    event.put(stream.<String>get("spec", "timestamp", "field"), at.toEpochMilli());
    List<Map<String, Object>> dimensions = stream.get("spec", "dimensions");
    for (Map<String, Object> dimension : dimensions == null ? List.<Map<String, Object>>of() : dimensions) {
      String name = (String) dimension.get("name");
      List<String> values = DIMENSION_VALUES.getOrDefault(name, List.of("a", "b", "c"));
      // skewed: the first values come up more often, as real traffic does
      event.put(name, values.get(Math.min(values.size() - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * values.size() / 2.0))));
    }
    List<Map<String, Object>> fields = stream.get("spec", "fields");
    for (Map<String, Object> field : fields == null ? List.<Map<String, Object>>of() : fields) {
      String name = (String) field.get("name");
      switch (String.valueOf(field.get("type"))) {
        case "string" -> event.put(name, name + "-" + random.nextInt(400));
        case "int64", "int32" -> event.put(name, 1 + random.nextInt(5));
        default -> event.put(name, Math.round(Math.exp(Math.log(scale(name)) + random.nextGaussian() * 0.5) * 1000) / 1000.0);
      }
    }
    return event.toString();
  }

  private static double scale(String field) {
    if (field.contains("cls")) {
      return 0.05;
    }
    return field.endsWith("_ms") ? 400 : 40;
  }

  private List<GenericKubernetesResource> ofKind(String kind) {
    return resources.stream().filter(r -> kind.equals(r.getKind())).toList();
  }
}
