package io.pulseboard.local.runner;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything needed to start the processes of one Deployment, resolved from its pod template, Secrets and
 * ConfigMaps.
 *
 * @param jar the runnable jar
 * @param environment the pod's environment, with mount paths still pointing inside the container
 * @param podNameVariables variables set from {@code fieldRef metadata.name}: in Kubernetes each pod has its
 *     own name there (the ingest worker uses it as its static consumer-group member name, and two live
 *     members with one name fence each other), so each replica gets its own value
 * @param files the mounted ConfigMap and Secret content: path inside the container -> bytes
 * @param mountPaths the container's mount paths, longest first, to rewrite to the local folder
 * @param readinessPath HTTP path of the readiness probe, empty when there is none
 * @param fingerprint a hash of all of the above: processes restart when it changes
 */
record LaunchSpec(
    Path jar,
    Map<String, String> environment,
    Set<String> podNameVariables,
    Map<String, byte[]> files,
    List<String> mountPaths,
    Optional<String> readinessPath,
    String fingerprint) {

  /** The environment of the replica whose pod is called {@code podName}. */
  Map<String, String> environmentOf(String podName) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    podNameVariables.forEach(name -> env.put(name, podName));
    return env;
  }
}
