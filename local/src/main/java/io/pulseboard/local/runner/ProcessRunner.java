package io.pulseboard.local.runner;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Deployments into local JVM processes: watches Deployments, ConfigMaps, Secrets and Services, and on
 * each change (and every tick) brings the processes of every Deployment in line with its pod template, probes
 * them, writes the Deployment status and publishes 127.0.0.1 and the first replica's port on the Services that
 * select it. All process work happens on one thread; other threads read snapshots.
 */
public final class ProcessRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);

  private final KubernetesClient client;
  private final RunnerConfig config;
  private final Consumer<Set<Long>> pidsListener;
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "process-runner"));
  private final AtomicBoolean tickPending = new AtomicBoolean();
  private final Map<DeploymentKey, ManagedDeployment> managed = new HashMap<>();
  private final Map<DeploymentKey, String> lastProblem = new HashMap<>();
  private final DeploymentStatusWriter statusWriter;
  private final ServiceStatusWriter serviceStatusWriter;
  private final PodTemplateResolver resolver;
  private SharedIndexInformer<Deployment> deployments;
  private SharedIndexInformer<ConfigMap> configMaps;
  private SharedIndexInformer<Secret> secrets;
  private SharedIndexInformer<Service> services;
  private volatile Map<DeploymentKey, DeploymentSnapshot> snapshots = Map.of();
  /** Set once all three informers exist; events before that are covered by the first tick. */
  private volatile boolean running;
  private Set<Long> lastPids = Set.of();

  private ProcessRunner(KubernetesClient client, RunnerConfig config, Consumer<Set<Long>> pidsListener) {
    this.client = client;
    this.config = config;
    this.pidsListener = pidsListener;
    this.statusWriter = new DeploymentStatusWriter(client);
    this.serviceStatusWriter = new ServiceStatusWriter(client);
    this.resolver = new PodTemplateResolver(new RuntimeJars(config.repoRoot(), config.artifactVersion()), new InformerLookup());
  }

  /**
   * Starts watching and running. {@code pidsListener} hears the full set of runtime PIDs each time it changes,
   * on the runner's thread.
   */
  public static ProcessRunner start(KubernetesClient client, RunnerConfig config, Consumer<Set<Long>> pidsListener) {
    ProcessRunner runner = new ProcessRunner(client, config, pidsListener);
    ResourceEventHandler<HasMetadata> trigger = new ResourceEventHandler<>() {
      @Override
      public void onAdd(HasMetadata obj) {
        runner.trigger();
      }

      @Override
      public void onUpdate(HasMetadata oldObj, HasMetadata newObj) {
        runner.trigger();
      }

      @Override
      public void onDelete(HasMetadata obj, boolean deletedFinalStateUnknown) {
        runner.trigger();
      }
    };
    runner.secrets = client.secrets().inAnyNamespace().inform(trigger);
    runner.configMaps = client.configMaps().inAnyNamespace().inform(trigger);
    runner.services = client.services().inAnyNamespace().inform(trigger);
    runner.deployments = client.apps().deployments().inAnyNamespace().inform(trigger);
    runner.running = true;
    long tick = config.tick().toMillis();
    runner.loop.scheduleWithFixedDelay(runner::tickSafely, 0, tick, TimeUnit.MILLISECONDS);
    LOG.info("process runner started; runtime jars under {}, logs in {}", config.repoRoot(), config.runDir().resolve("logs"));
    return runner;
  }

  /** What runs for a Deployment, as of the last tick. */
  public Optional<DeploymentSnapshot> snapshot(String namespace, String name) {
    return Optional.ofNullable(snapshots.get(new DeploymentKey(namespace, name)));
  }

  /** PIDs of every runtime process, as of the last tick. */
  public Set<Long> pids() {
    Set<Long> pids = new TreeSet<>();
    snapshots.values().forEach(s -> pids.addAll(s.pids()));
    return pids;
  }

  private void trigger() {
    if (running && !loop.isShutdown() && tickPending.compareAndSet(false, true)) {
      loop.execute(this::tickSafely);
    }
  }

  private void tickSafely() {
    tickPending.set(false);
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.error("process runner tick failed", e);
    }
  }

  private void tick() {
    Map<DeploymentKey, Deployment> desired = new HashMap<>();
    for (Deployment d : deployments.getStore().list()) {
      desired.put(new DeploymentKey(d.getMetadata().getNamespace(), d.getMetadata().getName()), d);
    }
    managed.keySet().removeIf(key -> {
      if (desired.containsKey(key)) {
        return false;
      }
      LOG.info("{}: Deployment deleted; stopping its processes", key);
      managed.get(key).stopAll();
      lastProblem.remove(key);
      return true;
    });
    Map<DeploymentKey, DeploymentSnapshot> next = new HashMap<>();
    for (Map.Entry<DeploymentKey, Deployment> entry : desired.entrySet()) {
      DeploymentKey key = entry.getKey();
      Deployment deployment = entry.getValue();
      ManagedDeployment processes = managed.computeIfAbsent(key, k -> new ManagedDeployment(k, config));
      try {
        LaunchSpec spec = resolver.resolve(deployment);
        lastProblem.remove(key);
        Integer replicas = deployment.getSpec().getReplicas();
        processes.apply(spec, replicas == null ? 1 : replicas);
      } catch (UnresolvableException e) {
        if (!e.getMessage().equals(lastProblem.put(key, e.getMessage()))) {
          LOG.warn("{}: cannot run it yet: {}", key, e.getMessage());
        }
      }
      processes.tick();
      DeploymentSnapshot snapshot = processes.snapshot();
      next.put(key, snapshot);
      statusWriter.write(deployment, snapshot);
      snapshot.servingPort().ifPresent(port -> serviceStatusWriter.write(services.getStore().list(), deployment, port));
    }
    snapshots = Map.copyOf(next);
    Set<Long> pids = pids();
    if (!pids.equals(lastPids)) {
      lastPids = pids;
      pidsListener.accept(pids);
    }
  }

  /** Stops watching, then stops every process (SIGTERM, SIGKILL after the grace period). */
  @Override
  public void close() {
    List.of(deployments, configMaps, secrets, services).forEach(SharedIndexInformer::close);
    loop.shutdown();
    try {
      if (!loop.awaitTermination(config.stopGrace().toSeconds() + 10, TimeUnit.SECONDS)) {
        LOG.warn("the process runner's last tick did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    managed.values().parallelStream().forEach(ManagedDeployment::stopAll);
    managed.clear();
    snapshots = Map.of();
    pidsListener.accept(Set.of());
  }

  /** Secrets and ConfigMaps from the informers' caches: no API call per tick. */
  private final class InformerLookup implements ClusterLookup {
    @Override
    public Optional<Secret> secret(String namespace, String name) {
      return Optional.ofNullable(secrets.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
    }

    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
      return Optional.ofNullable(configMaps.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
    }
  }
}
