package io.pulseboard.operator.workload;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Renders a {@link WorkloadSpec} into the Kubernetes objects of the contract between operator and runtimes. */
public final class Workloads {
  public static final String CONFIG_DIR = "/etc/pulseboard";
  public static final int HTTP_PORT = 8080;
  public static final String PORT_NAME = "http";
  /** Pod template annotation that changes with the pipeline file, so a new config rolls the pods. */
  public static final String CONFIG_HASH = "analytics.pulseboard.io/config-hash";

  private static final String CONFIG_VOLUME = "config";

  private Workloads() {}

  public static ConfigMap configMap(WorkloadSpec spec) {
    return new ConfigMapBuilder()
        .withMetadata(metadata(spec))
        .withData(Map.of(spec.configFile(), spec.configJson()))
        .build();
  }

  public static Deployment deployment(WorkloadSpec spec) {
    return new DeploymentBuilder()
        .withMetadata(metadata(spec))
        .withNewSpec()
        .withReplicas(spec.replicas())
        .withNewSelector()
        .withMatchLabels(WorkloadLabels.selector(spec.component(), spec.instance()))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(WorkloadLabels.all(spec.component(), spec.instance()))
        .withAnnotations(Map.of(CONFIG_HASH, configHash(spec.configJson())))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName(spec.container())
        .withImage(spec.image())
        .addNewPort()
        .withName(PORT_NAME)
        .withContainerPort(HTTP_PORT)
        .withProtocol("TCP")
        .endPort()
        .withEnv(env(spec))
        .withResources(spec.resources())
        .addNewVolumeMount()
        .withName(CONFIG_VOLUME)
        .withMountPath(CONFIG_DIR)
        .withReadOnly(true)
        .endVolumeMount()
        .withLivenessProbe(probe("/healthz", 10, 10))
        .withReadinessProbe(probe("/readyz", 0, 5))
        .endContainer()
        .addNewVolume()
        .withName(CONFIG_VOLUME)
        .withNewConfigMap()
        .withName(spec.name())
        .endConfigMap()
        .endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  public static Service service(WorkloadSpec spec) {
    return new ServiceBuilder()
        .withMetadata(metadata(spec))
        .withNewSpec()
        .withSelector(WorkloadLabels.selector(spec.component(), spec.instance()))
        .addNewPort()
        .withName(PORT_NAME)
        .withPort(HTTP_PORT)
        .withTargetPort(new IntOrString(PORT_NAME))
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }

  /** An Ingress with the workload's name, namespace and labels and an empty spec, for the caller to fill. */
  public static Ingress serviceIngress(WorkloadSpec spec) {
    return new IngressBuilder().withMetadata(metadata(spec)).withNewSpec().endSpec().build();
  }

  private static List<EnvVar> env(WorkloadSpec spec) {
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVarBuilder().withName("PULSEBOARD_CONFIG_DIR").withValue(CONFIG_DIR).build());
    env.add(new EnvVarBuilder().withName("PULSEBOARD_HTTP_PORT").withValue(String.valueOf(HTTP_PORT)).build());
    env.add(secretEnv("CLICKHOUSE_URL", spec.clickhouseSecret(), "url", false));
    env.add(secretEnv("CLICKHOUSE_USER", spec.clickhouseSecret(), "user", true));
    env.add(secretEnv("CLICKHOUSE_PASSWORD", spec.clickhouseSecret(), "password", true));
    if (spec.redisSecret() != null) {
      env.add(secretEnv("REDIS_URL", spec.redisSecret(), "url", true));
    }
    return env;
  }

  private static EnvVar secretEnv(String name, String secret, String key, boolean optional) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey(key)
        .withOptional(optional)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }

  private static Probe probe(String path, int initialDelaySeconds, int periodSeconds) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString(PORT_NAME))
        .endHttpGet()
        .withInitialDelaySeconds(initialDelaySeconds)
        .withPeriodSeconds(periodSeconds)
        .build();
  }

  /** The value of {@link #CONFIG_HASH} for a pipeline file. */
  public static String configHash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Name, namespace and labels, the same on the ConfigMap, the Deployment and the Service. */
  private static ObjectMeta metadata(WorkloadSpec spec) {
    return new ObjectMetaBuilder()
        .withName(spec.name())
        .withNamespace(spec.namespace())
        .withLabels(WorkloadLabels.all(spec.component(), spec.instance()))
        .build();
  }
}
