package io.pulseboard.operator.workload;

import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * Everything one runtime workload is rendered from: a ConfigMap holding its pipeline file, a Deployment
 * of one container, and for the query side a Service. Computed once per reconcile by the reconciler and
 * read by the dependent resources.
 *
 * @param name name of the ConfigMap, Deployment and Service, such as checkout-ingest
 * @param namespace their namespace
 * @param component pulseboard-ingest or pulseboard-query
 * @param instance the owning custom resource's name
 * @param container the container's name
 * @param image container image
 * @param replicas pod count
 * @param configFile file name of the pipeline in the ConfigMap, such as ingest.json
 * @param configJson the pipeline
 * @param clickhouseSecret Secret with the ClickHouse url, user and password
 * @param redisSecret Secret with the Redis url, or null for none
 * @param resources the container's cpu and memory, or null for none
 */
public record WorkloadSpec(String name, String namespace, String component, String instance, String container,
    String image, int replicas, String configFile, String configJson, String clickhouseSecret,
    String redisSecret, ResourceRequirements resources) {

  /** A workload without resource requests or limits. */
  public WorkloadSpec(String name, String namespace, String component, String instance, String container,
      String image, int replicas, String configFile, String configJson, String clickhouseSecret, String redisSecret) {
    this(name, namespace, component, instance, container, image, replicas, configFile, configJson, clickhouseSecret,
        redisSecret, null);
  }
}
