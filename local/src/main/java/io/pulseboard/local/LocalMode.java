package io.pulseboard.local;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.javaoperatorsdk.operator.Operator;
import io.pulseboard.local.apiserver.CrdInstaller;
import io.pulseboard.local.apiserver.EmbeddedApiServer;
import io.pulseboard.local.apiserver.Kubeconfig;
import io.pulseboard.local.apiserver.OwnerGarbageCollector;
import io.pulseboard.local.demo.DemoEventGenerator;
import io.pulseboard.local.demo.DemoTopic;
import io.pulseboard.local.runner.DeploymentKey;
import io.pulseboard.local.runner.DeploymentSnapshot;
import io.pulseboard.local.runner.ProcessRunner;
import io.pulseboard.operator.PulseboardOperator;
import io.pulseboard.operator.config.OperatorConfig;
import io.pulseboard.services.Directories;
import io.pulseboard.services.Endpoints;
import io.pulseboard.services.ServiceSet;
import io.pulseboard.services.StartupListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole stack on one machine, started in order and stopped in reverse: ClickHouse, Redis and Kafka, the
 * embedded Kubernetes API, the operator, the process runner, the demo events, then the quickstart resources.
 * {@link #close()} may run at any time (from the shutdown hook): a start still in progress then stops early.
 */
final class LocalMode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalMode.class);
  static final int STEPS = 8;
  /** Longest a step can block (a service start): a stop request waits that long for the start to give up. */
  private static final Duration START_ABORT_WAIT = Duration.ofSeconds(90);

  private final LocalConfig config;
  private final Progress progress;
  private final PidsFile pids;
  private final Path endpointsFile;
  private final Deque<Component> started = new ArrayDeque<>();
  private final CountDownLatch startFinished = new CountDownLatch(1);
  private volatile boolean closed;
  private Path servicesDir;

  LocalMode(LocalConfig config, Progress progress) {
    this.config = config;
    this.progress = progress;
    this.pids = new PidsFile(config.stateDir().resolve("pids"));
    this.endpointsFile = config.stateDir().resolve("endpoints.json");
  }

  Path endpointsFile() {
    return endpointsFile;
  }

  Path pidsFile() {
    return pids.path();
  }

  LocalEndpoints start() throws IOException, InterruptedException {
    try {
      return startAll();
    } finally {
      startFinished.countDown();
    }
  }

  private LocalEndpoints startAll() throws IOException, InterruptedException {
    Quickstart quickstart = Quickstart.load(config.quickstartDir(), config.namespace());
    StateFiles.delete(endpointsFile);
    Directories.deleteRecursively(config.stateDir().resolve("pods"));
    // Under .pulseboard rather than /tmp: data left by a killed run is removed by the next start.
    servicesDir = config.stateDir().resolve("services");
    Directories.deleteRecursively(servicesDir);

    ServiceSet services = ServiceSet.start(servicesDir, progressListener());
    register("services", services::close);
    Endpoints endpoints = services.endpoints();

    progress.start("starting the Kubernetes API");
    EmbeddedApiServer api = EmbeddedApiServer.start();
    register("Kubernetes API", api::close);
    OwnerGarbageCollector collector = OwnerGarbageCollector.start(api.client(), Duration.ofSeconds(2));
    register("garbage collector", collector::close);
    CrdInstaller.install(api.client(), LocalMode.class.getClassLoader());
    Path kubeconfig = Kubeconfig.write(config.stateDir().resolve("kubeconfig"), api.url());
    createSecret(api.client(), "clickhouse", Map.of("url", endpoints.clickhouseHttp()));
    createSecret(api.client(), "redis", Map.of("url", endpoints.redis()));
    progress.done(api.url());

    progress.start("starting the operator");
    KubernetesClient operatorClient = new KubernetesClientBuilder().withConfig(api.config()).build();
    register("operator client", operatorClient::close);
    Operator operator = PulseboardOperator.start(operatorClient, OperatorConfig.local(endpoints.kafkaBootstrap()));
    register("operator", operator::stop);
    progress.done("");

    progress.start("starting the process runner");
    ProcessRunner runner = ProcessRunner.start(api.client(), config.runner(), pids::runtimes);
    register("process runner", runner::close);
    progress.done("logs in " + config.repoRoot().relativize(config.stateDir().resolve("logs")));

    String topic = quickstart.demoTopic();
    progress.start("starting demo events on " + topic);
    DemoTopic.ensure(endpoints.kafkaBootstrap(), topic, config.demoPartitions());
    DemoEventGenerator generator = DemoEventGenerator.start(endpoints.kafkaBootstrap(), topic, config.demoEventsPerSecond());
    register("demo events", generator::close);
    // The quickstart stream accepts events up to 1h late: half an hour of history fills the default range.
    generator.history(Duration.ofMinutes(30), Math.max(1, config.demoEventsPerSecond() / 10));
    progress.done(config.demoEventsPerSecond() + " events/s, after 30 minutes of history");

    progress.start("applying " + config.repoRoot().relativize(config.quickstartDir()) + " and waiting for the dashboard");
    quickstart.apply(api.client());
    int port = awaitReady(runner, quickstart.dashboardDeployments().get(0), api.client());
    String dashboardUrl = "http://127.0.0.1:" + port + "/";
    progress.done(dashboardUrl);

    LocalEndpoints result = new LocalEndpoints(dashboardUrl, endpoints.kafkaBootstrap(), endpoints.clickhouseHttp(),
        endpoints.redis(), kubeconfig.toString());
    synchronized (this) {
      if (closed) {
        throw new StoppedException();
      }
      result.write(endpointsFile);
    }
    return result;
  }

  /**
   * Waits until the Dashboard is Ready (its streams are, so no panel waits with a problem) and its query
   * service of the current configuration passes its readiness probe; returns its port. The query workload
   * is written before its stream is Ready (panels then answer with their problem) and restarted once it is,
   * so a ready process alone may still be the one about to be replaced.
   */
  private int awaitReady(ProcessRunner runner, DeploymentKey query, KubernetesClient client) throws InterruptedException {
    long deadline = System.nanoTime() + config.readyTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      if (closed) {
        throw new StoppedException();
      }
      Optional<DeploymentSnapshot> snapshot = runner.snapshot(query.namespace(), query.name());
      if (snapshot.isPresent() && snapshot.get().readyReplicas() > 0 && snapshot.get().firstPort().isPresent()
          && dashboardReady(client, query) && currentGenerationReady(client, query)) {
        return snapshot.get().firstPort().get();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the query service " + query + " was not ready within "
        + config.readyTimeout().toSeconds() + " s; " + dashboardCondition(client, query));
  }

  private static boolean dashboardReady(KubernetesClient client, DeploymentKey query) {
    GenericKubernetesResource resource = client.genericKubernetesResources("analytics.pulseboard.io/v1alpha1", "Dashboard")
        .inNamespace(query.namespace()).withName(query.name().replaceFirst("-query$", "")).get();
    List<Map<String, Object>> conditions = resource == null ? null : resource.get("status", "conditions");
    return conditions != null && conditions.stream()
        .anyMatch(c -> "Ready".equals(c.get("type")) && "True".equals(c.get("status")));
  }

  /** The runner writes observedGeneration with the counts of the processes of that generation. */
  private static boolean currentGenerationReady(KubernetesClient client, DeploymentKey query) {
    Deployment deployment = client.apps().deployments().inNamespace(query.namespace()).withName(query.name()).get();
    return deployment != null && deployment.getStatus() != null
        && Objects.equals(deployment.getStatus().getObservedGeneration(), deployment.getMetadata().getGeneration())
        && deployment.getStatus().getReadyReplicas() != null && deployment.getStatus().getReadyReplicas() > 0;
  }

  /** What the Dashboard's status says, to explain a wait that timed out. */
  private static String dashboardCondition(KubernetesClient client, DeploymentKey query) {
    String dashboard = query.name().replaceFirst("-query$", "");
    GenericKubernetesResource resource = client.genericKubernetesResources("analytics.pulseboard.io/v1alpha1", "Dashboard")
        .inNamespace(query.namespace()).withName(dashboard).get();
    List<Map<String, Object>> conditions = resource == null ? null : resource.get("status", "conditions");
    return "Dashboard " + dashboard + " conditions: " + (conditions == null ? "none" : conditions);
  }

  private void createSecret(KubernetesClient client, String name, Map<String, String> values) {
    Map<String, String> data = new TreeMap<>();
    values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    Secret secret = new SecretBuilder().withNewMetadata().withName(name).withNamespace(config.namespace()).endMetadata()
        .withType("Opaque").withData(data).build();
    client.resource(secret).createOr(NonDeletingOperation::update);
  }

  private StartupListener progressListener() {
    return new StartupListener() {
      @Override
      public void starting(String service) {
        progress.start("starting " + service);
      }

      @Override
      public void ready(String service, String endpoint, long pid, Duration took) {
        pids.addService(pid);
        progress.done(endpoint + ", PID " + pid);
      }
    };
  }

  /** Remembers a started part for {@link #close()}; stops it at once if local mode is already stopping. */
  private synchronized void register(String name, AutoCloseable stop) {
    if (closed) {
      stopQuietly(new Component(name, stop));
      throw new StoppedException();
    }
    started.push(new Component(name, stop));
  }

  /**
   * Removes endpoints.json first (local mode no longer serves), lets a start in progress reach its next step
   * (where it gives up), stops everything in reverse order, then removes the pids file.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    progress.interrupted();
    progress.line("Stopping Pulseboard...");
    try {
      if (!startFinished.await(START_ABORT_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warn("the start did not give up within {} s; stopping what runs so far", START_ABORT_WAIT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    StateFiles.delete(endpointsFile);
    Component component;
    while ((component = pop()) != null) {
      stopQuietly(component);
    }
    pids.delete();
    if (servicesDir != null) {
      Directories.deleteRecursively(servicesDir);
    }
    progress.line("Stopped.");
  }

  private synchronized Component pop() {
    return started.poll();
  }

  private static void stopQuietly(Component component) {
    long t0 = System.nanoTime();
    try {
      component.stop().close();
      LOG.info("stopped {} in {} ms", component.name(), (System.nanoTime() - t0) / 1_000_000);
    } catch (Exception e) {
      LOG.warn("stopping {} failed", component.name(), e);
    }
  }

  private record Component(String name, AutoCloseable stop) {}

  /** Thrown into a start that is still running when local mode is asked to stop. */
  static final class StoppedException extends RuntimeException {
    StoppedException() {
      super("local mode is stopping");
    }
  }
}
