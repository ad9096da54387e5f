package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** Query service settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QuerySpec {
  @Default("1")
  @Min(0)
  @Max(32)
  @JsonPropertyDescription("Number of query service pods.")
  private Integer replicas = 1;

  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonPropertyDescription("Name of a Secret in the dashboard's namespace with the key url (redis://host:port) of the Redis cache.")
  private String redisSecret;

  @Default("5s")
  @Pattern("^[0-9]+(ms|s|m)$")
  @JsonPropertyDescription("How long an answer that covers the still-open bucket stays cached, such as 5s.")
  private String cacheTtl = "5s";

  @JsonPropertyDescription("Optional Ingress (networking.k8s.io/v1) in front of the query service; the operator deletes it when this is unset.")
  private IngressSpec ingress;

  @JsonPropertyDescription("CPU and memory of each query service pod, as in a container's resources. Default requests cpu 100m, memory 256Mi; limit memory 512Mi.")
  private ResourcesSpec resources;

  public IngressSpec getIngress() {
    return ingress;
  }

  public void setIngress(IngressSpec ingress) {
    this.ingress = ingress;
  }

  public ResourcesSpec getResources() {
    return resources;
  }

  public void setResources(ResourcesSpec resources) {
    this.resources = resources;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public String getRedisSecret() {
    return redisSecret;
  }

  public void setRedisSecret(String redisSecret) {
    this.redisSecret = redisSecret;
  }

  public String getCacheTtl() {
    return cacheTtl;
  }

  public void setCacheTtl(String cacheTtl) {
    this.cacheTtl = cacheTtl;
  }
}
