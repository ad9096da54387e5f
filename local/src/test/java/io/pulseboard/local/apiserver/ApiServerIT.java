package io.pulseboard.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded API server as kubectl users see it. */
class ApiServerIT {
  private static final ResourceDefinitionContext STREAMS = new ResourceDefinitionContext.Builder()
      .withGroup("analytics.pulseboard.io").withVersion("v1alpha1").withPlural("analyticsstreams")
      .withKind("AnalyticsStream").withNamespaced(true).build();

  @TempDir
  static Path dir;

  static EmbeddedApiServer server;
  static Kubectl kubectl;

  @BeforeAll
  static void start() {
    server = EmbeddedApiServer.start();
    CrdInstaller.install(server.client(), ApiServerIT.class.getClassLoader());
    kubectl = new Kubectl(Kubeconfig.write(dir.resolve("kubeconfig"), server.url()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void kubectlAppliesListsShowsAndDeletesAnAnalyticsStream() throws IOException {
    Path stream = copy("apiserver/stream.yaml", "stream.yaml");

    assertThat(kubectl.run("apply", "--validate=false", "-f", stream.toString()))
        .contains("analyticsstream.analytics.pulseboard.io/checkout created");
    assertThat(kubectl.run("get", "analyticsstreams")).contains("checkout");
    assertThat(kubectl.run("get", "astream", "checkout", "-o", "yaml"))
        .contains("kind: AnalyticsStream", "name: checkout", "topic: shop.checkout");

    assertThat(kubectl.run("delete", "-f", stream.toString())).contains("deleted");
    assertThat(kubectl.run("get", "analyticsstreams")).contains("No resources found");
  }

  @Test
  void reApplyingAChangedStreamReplacesItsListsInsteadOfAppending() throws IOException {
    Path stream = copy("apiserver/stream.yaml", "reapply.yaml");
    kubectl.run("apply", "--validate=false", "-f", stream.toString());
    Files.writeString(stream, Files.readString(stream).replace("{name: revenue, aggregate: sum, field: amount}", "{name: revenue, aggregate: max, field: amount}"));

    assertThat(kubectl.run("apply", "--validate=false", "-f", stream.toString())).contains("configured");

    assertThat(kubectl.run("get", "astream", "checkout", "-o", "jsonpath={.spec.measures[*].aggregate}"))
        .isEqualTo("count max");
    kubectl.run("delete", "-f", stream.toString());
  }

  @Test
  void printerColumnsShowTheReadyConditionWrittenThroughTheStatusSubresource() throws IOException {
    Path stream = copy("apiserver/stream.yaml", "status.yaml");
    kubectl.run("apply", "--validate=false", "-f", stream.toString());

    server.client().genericKubernetesResources(STREAMS).inNamespace("default").withName("checkout")
        .subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
            "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"Reconciled\"}]}}");

    String table = kubectl.run("get", "analyticsstreams");
    assertThat(table.lines().findFirst().orElseThrow()).contains("NAME", "READY", "REASON", "AGE");
    assertThat(table).containsPattern("checkout\\s+.*Reconciled\\s+True");
    kubectl.run("delete", "-f", stream.toString());
  }

  @Test
  void reApplyingADeploymentMergesContainersByName() throws IOException {
    Path deployment = copy("apiserver/deployment.yaml", "deployment.yaml");
    kubectl.run("apply", "--validate=false", "-f", deployment.toString());
    Files.writeString(deployment, Files.readString(deployment).replace("value: \"2\"", "value: \"3\""));

    kubectl.run("apply", "--validate=false", "-f", deployment.toString());

    GenericKubernetesResource web = server.client().genericKubernetesResources("apps/v1", "Deployment")
        .inNamespace("default").withName("web").get();
    assertThat(kubectl.run("get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[*].name}"))
        .isEqualTo("main sidecar");
    assertThat(kubectl.run("get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[0].env[*].value}"))
        .isEqualTo("1 3");
    assertThat(web.getMetadata().getGeneration()).isEqualTo(2L);
    kubectl.run("delete", "-f", deployment.toString());
  }

  @Test
  void discoveryListsBuiltInKindsAndTheCustomResources() {
    String resources = kubectl.run("api-resources");

    assertThat(resources).containsPattern("analyticsstreams\\s+astream\\s+analytics.pulseboard.io/v1alpha1\\s+true\\s+AnalyticsStream");
    assertThat(resources).containsPattern("dashboards\\s+dash\\s+analytics.pulseboard.io/v1alpha1\\s+true\\s+Dashboard");
    assertThat(resources).containsPattern("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment");
    assertThat(resources).containsPattern("configmaps\\s+cm\\s+v1\\s+true\\s+ConfigMap");
    assertThat(kubectl.run("version")).contains("Server Version: v1.32");
  }

  @Test
  void labelAndMergePatchWork() throws IOException {
    Path configMap = dir.resolve("settings.yaml");
    Files.writeString(configMap, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: '1', b: '2'}\n");
    kubectl.run("apply", "--validate=false", "-f", configMap.toString());

    kubectl.run("label", "configmap", "settings", "tier=demo");
    kubectl.run("patch", "configmap", "settings", "--type=merge", "-p", "{\"data\":{\"b\":null,\"c\":\"3\"}}");

    assertThat(kubectl.run("get", "configmap", "settings", "-o", "jsonpath={.data} {.metadata.labels.tier}"))
        .isEqualTo("{\"a\":\"1\",\"c\":\"3\"} demo");
    kubectl.run("delete", "configmap", "settings");
  }

  @Test
  void kubectlCreateOfABuiltInKindFailsWithAnExplanationInsteadOfHanging() {
    Kubectl.Result result = kubectl.tryRun("create", "configmap", "other", "--from-literal=a=1");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("use kubectl apply -f");
  }

  private static Path copy(String resource, String name) throws IOException {
    try (InputStream in = ApiServerIT.class.getClassLoader().getResourceAsStream(resource)) {
      Path target = dir.resolve(name);
      Files.writeString(target, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return target;
    }
  }
}
