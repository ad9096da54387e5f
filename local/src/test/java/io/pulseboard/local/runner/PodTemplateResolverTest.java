package io.pulseboard.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a pod template's environment becomes each replica's process environment. */
class PodTemplateResolverTest {
  private static final ClusterLookup EMPTY_CLUSTER = new ClusterLookup() {
    @Override
    public Optional<Secret> secret(String namespace, String name) {
      return Optional.empty();
    }

    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
      return Optional.empty();
    }
  };

  @TempDir Path repo;

  @Test
  void eachReplicaGetsItsOwnPodNameFromFieldRefMetadataName() throws Exception {
    Path jar = repo.resolve("runtime-ingest/target/pulseboard-runtime-ingest-0.1.0-SNAPSHOT-exec.jar");
    Files.createDirectories(jar.getParent());
    Files.write(jar, new byte[0]);
    PodTemplateResolver resolver = new PodTemplateResolver(new RuntimeJars(repo, "0.1.0-SNAPSHOT"), EMPTY_CLUSTER);

    LaunchSpec spec = resolver.resolve(deployment());

    Map<String, String> first = spec.environmentOf("checkout-ingest-0");
    Map<String, String> second = spec.environmentOf("checkout-ingest-1");
    assertThat(first).containsEntry("PULSEBOARD_INSTANCE_ID", "checkout-ingest-0")
        .containsEntry("POD_NAMESPACE", "shop").containsEntry("STREAM", "checkout");
    assertThat(second).containsEntry("PULSEBOARD_INSTANCE_ID", "checkout-ingest-1")
        .containsEntry("POD_NAMESPACE", "shop").containsEntry("STREAM", "checkout");
    assertThat(spec.fingerprint()).as("the same template for every replica")
        .isEqualTo(resolver.resolve(deployment()).fingerprint());
  }

  private static Deployment deployment() {
    return new DeploymentBuilder()
        .withNewMetadata().withName("checkout-ingest").withNamespace("shop").endMetadata()
        .withNewSpec().withReplicas(2)
        .withNewTemplate().withNewSpec()
        .addNewContainer().withName("ingest").withImage("ghcr.io/pulseboard/runtime-ingest:0.1.0")
        .addNewEnv().withName("STREAM").withValue("checkout").endEnv()
        .addNewEnv().withName("PULSEBOARD_INSTANCE_ID")
        .withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name").endFieldRef().endValueFrom().endEnv()
        .addNewEnv().withName("POD_NAMESPACE")
        .withNewValueFrom().withNewFieldRef().withFieldPath("metadata.namespace").endFieldRef().endValueFrom().endEnv()
        .endContainer()
        .endSpec().endTemplate().endSpec().build();
  }
}
