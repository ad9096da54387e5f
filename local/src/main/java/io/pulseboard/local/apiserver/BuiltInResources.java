package io.pulseboard.local.apiserver;

import java.util.List;

/** The built-in types the embedded API server announces: the ones Pulseboard and everyday kubectl use. */
final class BuiltInResources {
  private static final List<String> ALL = List.of("all");

  static final List<ApiResource> LIST = List.of(
      core("pods", "pod", "Pod", true, List.of("po"), ALL, true),
      core("services", "service", "Service", true, List.of("svc"), ALL, true),
      core("configmaps", "configmap", "ConfigMap", true, List.of("cm"), List.of(), false),
      core("secrets", "secret", "Secret", true, List.of(), List.of(), false),
      core("namespaces", "namespace", "Namespace", false, List.of("ns"), List.of(), true),
      core("events", "event", "Event", true, List.of("ev"), List.of(), false),
      core("serviceaccounts", "serviceaccount", "ServiceAccount", true, List.of("sa"), List.of(), false),
      core("endpoints", "endpoints", "Endpoints", true, List.of("ep"), List.of(), false),
      core("persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", true, List.of("pvc"), List.of(), true),
      core("nodes", "node", "Node", false, List.of("no"), List.of(), true),
      apps("deployments", "deployment", "Deployment", List.of("deploy")),
      apps("statefulsets", "statefulset", "StatefulSet", List.of("sts")),
      apps("daemonsets", "daemonset", "DaemonSet", List.of("ds")),
      apps("replicasets", "replicaset", "ReplicaSet", List.of("rs")),
      new ApiResource("batch", "v1", "jobs", "job", "Job", true, List.of(), ALL, true),
      new ApiResource("batch", "v1", "cronjobs", "cronjob", "CronJob", true, List.of("cj"), ALL, true),
      new ApiResource("coordination.k8s.io", "v1", "leases", "lease", "Lease", true, List.of(), List.of(), false),
      new ApiResource("apiextensions.k8s.io", "v1", "customresourcedefinitions", "customresourcedefinition",
          "CustomResourceDefinition", false, List.of("crd", "crds"), List.of("api-extensions"), true));

  private BuiltInResources() {}

  private static ApiResource core(String plural, String singular, String kind, boolean namespaced,
      List<String> shortNames, List<String> categories, boolean status) {
    return new ApiResource("", "v1", plural, singular, kind, namespaced, shortNames, categories, status);
  }

  private static ApiResource apps(String plural, String singular, String kind, List<String> shortNames) {
    return new ApiResource("apps", "v1", plural, singular, kind, true, shortNames, ALL, true);
  }
}
