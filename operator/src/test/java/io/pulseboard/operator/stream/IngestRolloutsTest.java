package io.pulseboard.operator.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.pulseboard.operator.workload.Workloads;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestRolloutsTest {
  private static final String HASH = Workloads.configHash("{\"schemaVersion\":2}");

  @Test
  void aDeploymentWhoseEveryReplicaRunsTheConfigIsRolledOut() {
    assertThat(IngestRollouts.rolledOut(deployment(HASH, 3L, 3L, 2, 2, 2), HASH)).isTrue();
  }

  @Test
  void aStatusOfAnOlderGenerationOrTemplateOrWithOldReplicasIsNot() {
    assertThat(IngestRollouts.rolledOut(deployment(HASH, 3L, 2L, 2, 2, 2), HASH)).as("older generation").isFalse();
    assertThat(IngestRollouts.rolledOut(deployment("other", 3L, 3L, 2, 2, 2), HASH)).as("other config").isFalse();
    assertThat(IngestRollouts.rolledOut(deployment(HASH, 3L, 3L, 3, 2, 2), HASH)).as("an old replica left").isFalse();
    assertThat(IngestRollouts.rolledOut(deployment(HASH, 3L, 3L, 2, 1, 2), HASH)).as("not all updated").isFalse();
    assertThat(IngestRollouts.rolledOut(deployment(HASH, 3L, 3L, 2, 2, 1), HASH)).as("not all available").isFalse();
  }

  private static Deployment deployment(String hash, Long generation, Long observed, int replicas, int updated,
      int available) {
    return new DeploymentBuilder()
        .withNewMetadata().withName("checkout-ingest").withGeneration(generation).endMetadata()
        .withNewSpec().withReplicas(2).withNewTemplate().withNewMetadata()
        .withAnnotations(Map.of(Workloads.CONFIG_HASH, hash)).endMetadata().endTemplate().endSpec()
        .withNewStatus().withObservedGeneration(observed).withReplicas(replicas).withUpdatedReplicas(updated)
        .withAvailableReplicas(available).endStatus()
        .build();
  }
}
