package io.pulseboard.local.runner;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to start the processes of one Deployment, resolved from its pod template, Secrets and
 * ConfigMaps.
 *
 * @param jar the runnable jar
 * @param environment the pod's environment, with mount paths still pointing inside the container
 * @param files the mounted ConfigMap and Secret content: path inside the container -> bytes
 * @param mountPaths the container's mount paths, longest first, to rewrite to the local folder
 * @param readinessPath HTTP path of the readiness probe, empty when there is none
 * @param fingerprint a hash of all of the above: processes restart when it changes
 */
record LaunchSpec(
    Path jar,
    Map<String, String> environment,
    Map<String, byte[]> files,
    java.util.List<String> mountPaths,
    Optional<String> readinessPath,
    String fingerprint) {}
