package io.pulseboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.deploy.testing.OperatorProcess;
import io.pulseboard.deploy.testing.RecordingApiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two operator processes (the exec jar, configured as the chart configures it) against one API server:
 * only the Lease holder reconciles, and the other takes over when the holder is stopped. Streams name
 * Secrets that do not exist, so reconciling one needs no ClickHouse and leaves a trace: the Ready
 * condition and the Secret's name in the reconciling process's log.
 */
class LeaderElectionIT {
  private static final String LEASE_NAMESPACE = "pulseboard-system";
  private static final String LEASE = "pulseboard-operator-lease";
  private static final Map<String, String> ENV = Map.of(
      "PULSEBOARD_LEADER_ELECTION", "true",
      "PULSEBOARD_LEASE_NAME", LEASE,
      "PULSEBOARD_LEASE_NAMESPACE", LEASE_NAMESPACE,
      "PULSEBOARD_KAFKA_BOOTSTRAP", "127.0.0.1:9");

  @TempDir
  Path work;
  private RecordingApiServer api;

  @BeforeEach
  void startApiServer() {
    api = RecordingApiServer.start();
    // JOSDK checks at start that it may use Leases; the mock server has no authorizer, so answer for it
    SelfSubjectRulesReview allowed = new SelfSubjectRulesReviewBuilder().withNewStatus().addNewResourceRule()
        .withApiGroups("coordination.k8s.io").withResources("leases").withVerbs("get", "create", "update")
        .endResourceRule().withIncomplete(false).endStatus().build();
    api.server().expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, allowed).always();
  }

  @AfterEach
  void stopApiServer() {
    api.close();
  }

  @Test
  void onlyTheLeaderReconcilesAndTheOtherTakesOverWhenItStops() {
    try (OperatorProcess first = OperatorProcess.start("operator-a", api.url(), work, ENV)) {
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(holder()).isEqualTo("operator-a"));
      try (OperatorProcess second = OperatorProcess.start("operator-b", api.url(), work, ENV)) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
            assertThat(second.get("/readyz")).isNotNull().extracting(r -> r.statusCode()).isEqualTo(200));

        api.create(stream("one", "secret-one"));
        awaitReason("one", "ConnectionSecretMissing");
        assertThat(first.log()).contains("secret-one");
        assertThat(second.log()).doesNotContain("secret-one");
        assertThat(first.get("/metrics").body()).contains("operator_sdk_reconciliations_started_total");

        first.close();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(holder()).isEqualTo("operator-b"));
        api.create(stream("two", "secret-two"));
        awaitReason("two", "ConnectionSecretMissing");
        assertThat(second.log()).contains("secret-two");
        assertThat(first.log()).doesNotContain("secret-two");
        assertThat(second.get("/healthz").statusCode()).isEqualTo(200);
      }
    }
  }

  private String holder() {
    Lease lease = api.client().resources(Lease.class).inNamespace(LEASE_NAMESPACE).withName(LEASE).get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  private void awaitReason(String stream, String reason) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      AnalyticsStream s = api.client().resources(AnalyticsStream.class).inNamespace("default").withName(stream).get();
      assertThat(s.getStatus()).isNotNull();
      assertThat(s.getStatus().getConditions()).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("Ready");
        assertThat(c.getReason()).isEqualTo(reason);
      });
    });
  }

  private static AnalyticsStream stream(String name, String secret) {
    AnalyticsStream stream = Examples.read(Path.of("../examples/quickstart/stream.yaml"), AnalyticsStream.class);
    stream.getMetadata().setName(name);
    stream.getSpec().getClickhouse().setConnectionSecret(secret);
    return stream;
  }
}
