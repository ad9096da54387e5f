package io.pulseboard.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pulseboard.local.apiserver.EmbeddedApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deployments on the embedded API server become local JVM processes of a stand-in runtime jar. */
class ProcessRunnerIT {
  private static final Duration READY = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  EmbeddedApiServer server;
  KubernetesClient client;
  ProcessRunner runner;
  final List<Set<Long>> pidUpdates = new CopyOnWriteArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    Path repo = dir.resolve("repo");
    buildStandInJar(repo.resolve("runtime-ingest/target/pulseboard-runtime-ingest-0.1.0-SNAPSHOT-exec.jar"));
    server = EmbeddedApiServer.start();
    client = server.client();
    RunnerConfig config = new RunnerConfig(repo, dir.resolve("run"), "0.1.0-SNAPSHOT",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of("-Xmx32m", "-XX:+UseSerialGC"),
        Map.of("PATH", "/usr/bin:/bin"), Duration.ofMillis(500), Duration.ofSeconds(5));
    runner = ProcessRunner.start(client, config, pidUpdates::add);
  }

  @AfterEach
  void stop() {
    runner.close();
    server.close();
  }

  @Test
  void runsEachReplicaWithThePodsEnvironmentSecretsAndMountedConfigAndReportsReadiness() throws Exception {
    createClickHouseSecret();
    client.resource(configMap("{\"topic\":\"a\"}")).create();

    client.resource(deployment(2)).create();

    await().atMost(READY).until(() -> readyReplicas() == 2);
    Deployment written = client.apps().deployments().inNamespace("default").withName("checkout-ingest").get();
    assertThat(written.getStatus().getReplicas()).isEqualTo(2);
    assertThat(written.getStatus().getAvailableReplicas()).isEqualTo(2);
    String env = get(firstPort(), "/env");
    assertThat(env).contains("CLICKHOUSE_URL=http://127.0.0.1:8123", "STREAM=checkout", "config={\"topic\":\"a\"}",
        "PULSEBOARD_HTTP_HOST=127.0.0.1", "PULSEBOARD_HTTP_PORT=" + firstPort());
    assertThat(env).doesNotContain("CLICKHOUSE_PASSWORD");
    assertThat(env).containsPattern("PULSEBOARD_CONFIG_DIR=" + dir.resolve("run") + "/pods/default/checkout-ingest/[0-9a-f]+/root/etc/pulseboard\n");
    assertThat(runner.pids()).hasSize(2);
    assertThat(pidUpdates.get(pidUpdates.size() - 1)).isEqualTo(runner.pids());
    assertThat(dir.resolve("run/logs/default.checkout-ingest-0.log")).exists();
  }

  @Test
  void restartsTheProcessesWhenTheMountedConfigMapChanges() throws Exception {
    createClickHouseSecret();
    client.resource(configMap("{\"topic\":\"a\"}")).create();
    client.resource(deployment(1)).create();
    await().atMost(READY).until(() -> readyReplicas() == 1);
    Set<Long> before = runner.pids();

    client.resource(configMap("{\"topic\":\"b\"}")).update();

    await().atMost(READY).until(() -> readyReplicas() == 1 && !runner.pids().equals(before));
    assertThat(get(firstPort(), "/env")).contains("config={\"topic\":\"b\"}");
    before.forEach(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
  }

  @Test
  void scalesRestartsCrashedProcessesAndStopsThemWhenTheDeploymentIsDeleted() throws Exception {
    createClickHouseSecret();
    client.resource(configMap("{}")).create();
    client.resource(deployment(2)).create();
    await().atMost(READY).until(() -> readyReplicas() == 2);

    client.apps().deployments().inNamespace("default").withName("checkout-ingest").scale(1);
    await().atMost(READY).until(() -> runner.pids().size() == 1 && readyReplicas() == 1);

    long crashed = runner.pids().iterator().next();
    ProcessHandle.of(crashed).orElseThrow().destroyForcibly();
    await().atMost(READY).until(() -> readyReplicas() == 1 && runner.pids().size() == 1 && !runner.pids().contains(crashed));

    Set<Long> last = runner.pids();
    client.apps().deployments().inNamespace("default").withName("checkout-ingest").delete();
    await().atMost(READY).until(() -> runner.pids().isEmpty());
    last.forEach(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
    assertThat(pidUpdates.get(pidUpdates.size() - 1)).isEmpty();
  }

  @Test
  void aSelectingServicePublishesLoopbackAndAPortThatSurvivesRestarts() throws Exception {
    createClickHouseSecret();
    client.resource(configMap("{\"topic\":\"a\"}")).create();
    client.resource(new ServiceBuilder().withNewMetadata().withName("checkout-ingest").withNamespace("default").endMetadata()
        .withNewSpec().addToSelector("app", "x").addNewPort().withName("http").withPort(8080).endPort().endSpec().build()).create();
    client.resource(new ServiceBuilder().withNewMetadata().withName("other").withNamespace("default").endMetadata()
        .withNewSpec().addToSelector("app", "y").addNewPort().withName("http").withPort(8080).endPort().endSpec().build()).create();
    client.resource(deployment(1)).create();
    await().atMost(READY).until(() -> readyReplicas() == 1);
    int port = firstPort();
    await().atMost(READY).until(() -> publishedPort("checkout-ingest") != null);
    assertThat(publishedPort("checkout-ingest")).isEqualTo(port);
    assertThat(client.services().inNamespace("default").withName("checkout-ingest").get().getStatus().getLoadBalancer()
        .getIngress().get(0).getIp()).isEqualTo("127.0.0.1");

    long crashed = runner.pids().iterator().next();
    ProcessHandle.of(crashed).orElseThrow().destroyForcibly();
    await().atMost(READY).until(() -> readyReplicas() == 1 && !runner.pids().contains(crashed) && runner.pids().size() == 1);
    assertThat(firstPort()).as("the restarted process listens where the crashed one did").isEqualTo(port);
    assertThat(get(port, "/env")).contains("PULSEBOARD_HTTP_PORT=" + port);

    Set<Long> before = runner.pids();
    client.resource(configMap("{\"topic\":\"b\"}")).update();
    await().atMost(READY).until(() -> readyReplicas() == 1 && !runner.pids().equals(before) && runner.pids().size() == 1);
    assertThat(firstPort()).as("a new configuration keeps the port too").isEqualTo(port);
    assertThat(publishedPort("checkout-ingest")).isEqualTo(port);
    assertThat(publishedPort("other")).as("a Service selecting other pods").isNull();
  }

  @Test
  void waitsForAMissingSecretAndStartsOnceItExists() throws Exception {
    client.resource(configMap("{}")).create();
    client.resource(deployment(1)).create();
    Thread.sleep(1500);
    assertThat(runner.pids()).isEmpty();

    client.resource(new SecretBuilder().withNewMetadata().withName("clickhouse").withNamespace("default").endMetadata()
        .addToStringData("url", "http://x").build()).create();

    await().atMost(READY).until(() -> readyReplicas() == 1);
  }

  private void createClickHouseSecret() {
    client.resource(new SecretBuilder().withNewMetadata().withName("clickhouse").withNamespace("default").endMetadata()
        .addToData("url", base64("http://127.0.0.1:8123")).build()).create();
  }

  private Deployment deployment(int replicas) {
    boolean secretOptional = false;
    return new DeploymentBuilder()
        .withNewMetadata().withName("checkout-ingest").withNamespace("default").endMetadata()
        .withNewSpec().withReplicas(replicas)
        .withNewSelector().addToMatchLabels("app", "x").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "x").endMetadata()
        .withNewSpec()
        .addNewContainer().withName("ingest").withImage("ghcr.io/pulseboard/runtime-ingest:0.1.0")
        .addNewEnv().withName("STREAM").withValue("checkout").endEnv()
        .addNewEnv().withName("PULSEBOARD_CONFIG_DIR").withValue("/etc/pulseboard").endEnv()
        .addNewEnv().withName("PULSEBOARD_HTTP_PORT").withValue("8080").endEnv()
        .addNewEnv().withName("CLICKHOUSE_URL").withNewValueFrom().withNewSecretKeyRef("url", "clickhouse", secretOptional)
        .endValueFrom().endEnv()
        .addNewEnv().withName("CLICKHOUSE_PASSWORD").withNewValueFrom().withNewSecretKeyRef("password", "clickhouse", true)
        .endValueFrom().endEnv()
        .addNewVolumeMount().withName("config").withMountPath("/etc/pulseboard").endVolumeMount()
        .withNewReadinessProbe().withNewHttpGet().withPath("/readyz").withNewPort("http").endHttpGet().endReadinessProbe()
        .endContainer()
        .addNewVolume().withName("config").withNewConfigMap().withName("checkout-ingest").endConfigMap().endVolume()
        .endSpec().endTemplate().endSpec().build();
  }

  private static io.fabric8.kubernetes.api.model.ConfigMap configMap(String json) {
    return new ConfigMapBuilder().withNewMetadata().withName("checkout-ingest").withNamespace("default").endMetadata()
        .addToData("ingest.json", json).build();
  }

  private int readyReplicas() {
    Deployment d = client.apps().deployments().inNamespace("default").withName("checkout-ingest").get();
    return d == null || d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas();
  }

  private Integer publishedPort(String service) {
    var status = client.services().inNamespace("default").withName(service).get().getStatus();
    if (status == null || status.getLoadBalancer() == null || status.getLoadBalancer().getIngress() == null
        || status.getLoadBalancer().getIngress().isEmpty()) {
      return null;
    }
    return status.getLoadBalancer().getIngress().get(0).getPorts().get(0).getPort();
  }

  private int firstPort() {
    return runner.snapshot("default", "checkout-ingest").flatMap(DeploymentSnapshot::firstPort).orElseThrow();
  }

  private String get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A runnable jar holding only {@link TestingRuntime}. */
  private static void buildStandInJar(Path jar) throws IOException {
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, TestingRuntime.class.getName());
    String entry = TestingRuntime.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream in = TestingRuntime.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
  }
}
