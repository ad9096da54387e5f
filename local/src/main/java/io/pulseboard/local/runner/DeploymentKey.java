package io.pulseboard.local.runner;

/** Namespace and name of a Deployment. */
public record DeploymentKey(String namespace, String name) {
  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
