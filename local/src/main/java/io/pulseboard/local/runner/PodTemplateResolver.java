package io.pulseboard.local.runner;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a Deployment's pod template into a {@link LaunchSpec}: the jar for the image, the environment with
 * Secret and ConfigMap references resolved (missing optional ones skipped, as the kubelet does), and the
 * content of mounted ConfigMap and Secret volumes. Only the first container runs.
 */
final class PodTemplateResolver {
  private final RuntimeJars jars;
  private final ClusterLookup cluster;

  PodTemplateResolver(RuntimeJars jars, ClusterLookup cluster) {
    this.jars = jars;
    this.cluster = cluster;
  }

  LaunchSpec resolve(Deployment deployment) throws UnresolvableException {
    String namespace = deployment.getMetadata().getNamespace();
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);
    Path jar = jars.jarFor(container.getImage());
    if (!Files.isRegularFile(jar)) {
      throw new UnresolvableException("no jar for image " + container.getImage() + " at " + jar
          + ": build it with mvn package");
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvFromSource source : orEmpty(container.getEnvFrom())) {
      envFrom(namespace, source, env);
    }
    Set<String> podNameVariables = new LinkedHashSet<>();
    for (EnvVar var : orEmpty(container.getEnv())) {
      value(namespace, deployment.getMetadata().getName(), var).ifPresent(v -> env.put(var.getName(), v));
      if (isPodName(var)) {
        podNameVariables.add(var.getName());
      }
    }
    Map<String, byte[]> files = new TreeMap<>();
    for (VolumeMount mount : orEmpty(container.getVolumeMounts())) {
      Volume volume = orEmpty(pod.getVolumes()).stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
          .orElseThrow(() -> new UnresolvableException("volume mount " + mount.getName() + " names no volume"));
      files.putAll(mountedFiles(namespace, volume, mount));
    }
    List<String> mountPaths = orEmpty(container.getVolumeMounts()).stream().map(VolumeMount::getMountPath)
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    Optional<String> readiness = Optional.ofNullable(container.getReadinessProbe())
        .map(p -> p.getHttpGet()).map(h -> h.getPath());
    return new LaunchSpec(jar, env, Set.copyOf(podNameVariables), files, mountPaths, readiness,
        fingerprint(jar, env, files, readiness));
  }

  /** {@code fieldRef metadata.name}: each replica's own pod name, which the replica's process fills in. */
  private static boolean isPodName(EnvVar var) {
    return var.getValueFrom() != null && var.getValueFrom().getFieldRef() != null
        && "metadata.name".equals(var.getValueFrom().getFieldRef().getFieldPath());
  }

  private void envFrom(String namespace, EnvFromSource source, Map<String, String> env) throws UnresolvableException {
    String prefix = source.getPrefix() == null ? "" : source.getPrefix();
    if (source.getConfigMapRef() != null) {
      Optional<ConfigMap> cm = cluster.configMap(namespace, source.getConfigMapRef().getName());
      if (cm.isEmpty() && !Boolean.TRUE.equals(source.getConfigMapRef().getOptional())) {
        throw new UnresolvableException("ConfigMap " + namespace + "/" + source.getConfigMapRef().getName() + " not found");
      }
      cm.ifPresent(c -> orEmpty(c.getData()).forEach((k, v) -> env.put(prefix + k, v)));
    }
    if (source.getSecretRef() != null) {
      Optional<Secret> secret = cluster.secret(namespace, source.getSecretRef().getName());
      if (secret.isEmpty() && !Boolean.TRUE.equals(source.getSecretRef().getOptional())) {
        throw new UnresolvableException("Secret " + namespace + "/" + source.getSecretRef().getName() + " not found");
      }
      secret.ifPresent(s -> secretData(s).forEach((k, v) -> env.put(prefix + k, new String(v, StandardCharsets.UTF_8))));
    }
  }

  private Optional<String> value(String namespace, String deploymentName, EnvVar var) throws UnresolvableException {
    if (var.getValueFrom() == null) {
      return Optional.of(var.getValue() == null ? "" : var.getValue());
    }
    SecretKeySelector secretRef = var.getValueFrom().getSecretKeyRef();
    if (secretRef != null) {
      Optional<byte[]> value = cluster.secret(namespace, secretRef.getName())
          .map(s -> secretData(s).get(secretRef.getKey()));
      return required(value.map(v -> new String(v, StandardCharsets.UTF_8)), secretRef.getOptional(),
          "key " + secretRef.getKey() + " of Secret " + namespace + "/" + secretRef.getName() + " (env " + var.getName() + ")");
    }
    ConfigMapKeySelector configRef = var.getValueFrom().getConfigMapKeyRef();
    if (configRef != null) {
      Optional<String> value = cluster.configMap(namespace, configRef.getName())
          .map(c -> orEmpty(c.getData()).get(configRef.getKey()));
      return required(value, configRef.getOptional(),
          "key " + configRef.getKey() + " of ConfigMap " + namespace + "/" + configRef.getName() + " (env " + var.getName() + ")");
    }
    if (var.getValueFrom().getFieldRef() != null) {
      String field = var.getValueFrom().getFieldRef().getFieldPath();
      return switch (field) {
        case "metadata.namespace" -> Optional.of(namespace);
        // The Deployment's name stands in here; each replica gets its own pod name (LaunchSpec.environmentOf).
        case "metadata.name" -> Optional.of(deploymentName);
        default -> throw new UnresolvableException("env " + var.getName() + ": field " + field + " is not available locally");
      };
    }
    throw new UnresolvableException("env " + var.getName() + ": this kind of valueFrom is not supported locally");
  }

  private static <T> Optional<T> required(Optional<T> value, Boolean optional, String what) throws UnresolvableException {
    if (value.isEmpty() && !Boolean.TRUE.equals(optional)) {
      throw new UnresolvableException(what + " not found");
    }
    return value;
  }

  private Map<String, byte[]> mountedFiles(String namespace, Volume volume, VolumeMount mount) throws UnresolvableException {
    Map<String, byte[]> data;
    List<KeyToPath> items;
    if (volume.getConfigMap() != null) {
      Optional<ConfigMap> cm = cluster.configMap(namespace, volume.getConfigMap().getName());
      required(cm, volume.getConfigMap().getOptional(), "ConfigMap " + namespace + "/" + volume.getConfigMap().getName());
      data = cm.map(PodTemplateResolver::configMapData).orElse(Map.of());
      items = orEmpty(volume.getConfigMap().getItems());
    } else if (volume.getSecret() != null) {
      Optional<Secret> secret = cluster.secret(namespace, volume.getSecret().getSecretName());
      required(secret, volume.getSecret().getOptional(), "Secret " + namespace + "/" + volume.getSecret().getSecretName());
      data = secret.map(PodTemplateResolver::secretData).orElse(Map.of());
      items = orEmpty(volume.getSecret().getItems());
    } else if (volume.getEmptyDir() != null) {
      return Map.of();
    } else {
      throw new UnresolvableException("volume " + volume.getName() + ": only configMap, secret and emptyDir volumes run locally");
    }
    Map<String, byte[]> files = new TreeMap<>();
    if (mount.getSubPath() != null && !mount.getSubPath().isEmpty()) {
      byte[] content = data.get(mount.getSubPath());
      if (content != null) {
        files.put(mount.getMountPath(), content);
      }
      return files;
    }
    if (items.isEmpty()) {
      data.forEach((key, content) -> files.put(mount.getMountPath() + "/" + key, content));
    } else {
      for (KeyToPath item : items) {
        if (data.containsKey(item.getKey())) {
          files.put(mount.getMountPath() + "/" + item.getPath(), data.get(item.getKey()));
        }
      }
    }
    return files;
  }

  private static Map<String, byte[]> configMapData(ConfigMap cm) {
    Map<String, byte[]> data = new TreeMap<>();
    orEmpty(cm.getData()).forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
    orEmpty(cm.getBinaryData()).forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
    return data;
  }

  /** Secret values; stringData too, since the CRUD store does not fold it into data as a real server does. */
  private static Map<String, byte[]> secretData(Secret secret) {
    Map<String, byte[]> data = new TreeMap<>();
    orEmpty(secret.getData()).forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
    orEmpty(secret.getStringData()).forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return data;
  }

  private static String fingerprint(Path jar, Map<String, String> env, Map<String, byte[]> files, Optional<String> readiness) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      update(sha, jar.toString());
      new TreeMap<>(env).forEach((k, v) -> update(sha, k + "=" + v));
      files.forEach((path, content) -> {
        update(sha, path);
        sha.update(content);
      });
      update(sha, readiness.orElse(""));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void update(MessageDigest sha, String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
