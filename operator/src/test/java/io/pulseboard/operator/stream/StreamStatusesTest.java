package io.pulseboard.operator.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.AnalyticsStreamStatus;
import io.pulseboard.api.v1alpha1.Condition;
import io.pulseboard.operator.status.ConditionType;
import io.pulseboard.operator.status.Conditions;
import io.pulseboard.operator.status.Problem;
import io.pulseboard.operator.status.Reason;
import io.pulseboard.operator.status.StatusDiff;
import io.pulseboard.operator.testing.Examples;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import io.pulseboard.operator.clickhouse.SchemaState;
import org.junit.jupiter.api.Test;

class StreamStatusesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T10:05:00Z");
  private static final SchemaState STEADY = new SchemaState("18.16.1", 1, OptionalInt.of(1), Map.of(), null);
  private static final Map<String, String> TABLES = Map.of("raw", "quickstart.checkout_raw",
      "1m", "quickstart.checkout_1m", "1h", "quickstart.checkout_1h", "1d", "quickstart.checkout_1d");

  @Test
  void aStreamWithEverythingInPlaceIsReadyWhileItsPodsStart() {
    AnalyticsStream stream = generation(Examples.quickstartStream(), 3L);

    AnalyticsStreamStatus status = StreamStatuses.next(stream, new StreamOutcome(null, TABLES, STEADY),
        Optional.of(deployment(2, null)), null, T0);

    assertThat(status.getObservedGeneration()).isEqualTo(3L);
    assertThat(condition(status, ConditionType.Ready)).extracting(Condition::getStatus, Condition::getReason)
        .containsExactly("True", "Reconciled");
    assertThat(condition(status, ConditionType.SchemaReady))
        .extracting(Condition::getReason, Condition::getMessage)
        .containsExactly("SchemaApplied", "the raw table, 3 rollups and their views exist on ClickHouse 18.16.1");
    assertThat(condition(status, ConditionType.IngestReady))
        .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
        .containsExactly("False", "IngestStarting", "0 of 2 ingest replicas available");
    assertThat(status.getTables()).isEqualTo(TABLES);
    assertThat(status.getSchemaVersion()).isEqualTo(1);
  }

  @Test
  void ingestIsReadyWhenAllReplicasAreAvailable() {
    AnalyticsStreamStatus status = StreamStatuses.next(generation(Examples.quickstartStream(), 1L),
        new StreamOutcome(null, TABLES, STEADY), Optional.of(deployment(2, 2)), null, T0);

    assertThat(condition(status, ConditionType.IngestReady).getReason()).isEqualTo("IngestAvailable");
  }

  @Test
  void aMissingTopicKeepsTheSchemaReadyAndTheTables() {
    Problem missing = new Problem(Reason.SourceTopicMissing, "topic t does not exist");

    AnalyticsStreamStatus status = StreamStatuses.next(generation(Examples.quickstartStream(), 1L),
        new StreamOutcome(missing, TABLES, STEADY), Optional.empty(), null, T0);

    assertThat(condition(status, ConditionType.Ready).getReason()).isEqualTo("SourceTopicMissing");
    assertThat(condition(status, ConditionType.SchemaReady).getStatus()).isEqualTo("True");
    assertThat(condition(status, ConditionType.IngestReady).getReason()).isEqualTo("SourceTopicMissing");
  }

  @Test
  void anUnchangedOutcomeLaterGivesAnIdenticalStatus() {
    AnalyticsStream stream = generation(Examples.quickstartStream(), 1L);
    StreamOutcome outcome = new StreamOutcome(null, TABLES, STEADY);
    stream.setStatus(StreamStatuses.next(stream, outcome, Optional.of(deployment(1, null)), null, T0));

    AnalyticsStreamStatus later = StreamStatuses.next(stream, outcome, Optional.of(deployment(1, null)), null, T1);

    assertThat(StatusDiff.same(stream.getStatus(), later)).isTrue();
  }

  @Test
  void onlyAFlipMovesTheTransitionTime() {
    AnalyticsStream stream = generation(Examples.quickstartStream(), 1L);
    stream.setStatus(StreamStatuses.next(stream, new StreamOutcome(null, TABLES, STEADY),
        Optional.of(deployment(1, null)), null, T0));

    AnalyticsStreamStatus later = StreamStatuses.next(stream, new StreamOutcome(null, TABLES, STEADY),
        Optional.of(deployment(1, 1)), null, T1);

    assertThat(condition(later, ConditionType.Ready).getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(condition(later, ConditionType.IngestReady).getLastTransitionTime()).isEqualTo("2026-01-01T10:05:00Z");
  }

  @Test
  void freshnessFollowsLagAndTheNewestRowAgainstTheThresholds() {
    AnalyticsStream stream = generation(Examples.quickstartStream(), 1L);
    io.pulseboard.api.v1alpha1.FreshnessSpec thresholds = new io.pulseboard.api.v1alpha1.FreshnessSpec();
    thresholds.setMaxLag(100L);
    thresholds.setMaxAge("1m");
    stream.getSpec().setFreshness(thresholds);
    StreamOutcome ok = new StreamOutcome(null, TABLES, STEADY);

    assertThat(fresh(stream, ok, new Freshness(3L, T0.minusSeconds(30), null), T0))
        .containsExactly("True", "UpToDate",
            "lag 3 messages (at most 100); newest row ingested at 2026-01-01T09:59:30Z (at most 60 s ago)");
    assertThat(fresh(stream, ok, new Freshness(101L, T0, null), T0))
        .containsExactly("False", "Lagging", "lag 101 messages (at most 100)");
    assertThat(fresh(stream, ok, new Freshness(0L, T0.minusSeconds(61), null), T0).subList(0, 2))
        .containsExactly("False", "Stale");
    assertThat(fresh(stream, ok, new Freshness(0L, null, null), T0).subList(0, 2))
        .containsExactly("False", "NoRowsYet");
    assertThat(fresh(stream, ok, new Freshness(null, null, "lag: Kafka did not answer"), T0).subList(0, 2))
        .containsExactly("False", "FreshnessUnknown");
    AnalyticsStreamStatus status = StreamStatuses.next(stream, ok, Optional.empty(),
        new Freshness(3L, T0.minusSeconds(30), null), T0);
    assertThat(status.getLag()).isEqualTo(3L);
    assertThat(status.getLastIngestedAt()).isEqualTo("2026-01-01T09:59:30Z");
  }

  private static List<String> fresh(AnalyticsStream stream, StreamOutcome outcome, Freshness freshness,
      java.time.Instant now) {
    Condition c = condition(StreamStatuses.next(stream, outcome, Optional.empty(), freshness, now), ConditionType.Fresh);
    return List.of(c.getStatus(), c.getReason(), c.getMessage());
  }

  @Test
  void theLatestConsistencyReportBecomesRollupsConsistent() {
    AnalyticsStream stream = generation(Examples.quickstartStream(), 1L);
    StreamOutcome inconsistent = new StreamOutcome(null, TABLES, STEADY).withConsistency(
        new io.pulseboard.operator.clickhouse.RollupConsistency.Report(false, "events raw 2 / 1m 2 / 1h 3"));

    Condition c = condition(StreamStatuses.next(stream, inconsistent, Optional.empty(), null, T0),
        ConditionType.RollupsConsistent);

    assertThat(List.of(c.getStatus(), c.getReason(), c.getMessage()))
        .containsExactly("False", "Inconsistent", "events raw 2 / 1m 2 / 1h 3");
  }

  @Test
  void anInvalidSpecFailsEveryCondition() {
    Problem invalid = new Problem(Reason.InvalidSpec, "spec.dimensions[0].name ...");

    AnalyticsStreamStatus status = StreamStatuses.next(generation(Examples.quickstartStream(), 2L),
        StreamOutcome.blockedBeforeSchema(invalid), Optional.empty(), null, T0);

    assertThat(status.getConditions()).extracting(Condition::getType)
        .containsExactly("Ready", "SchemaReady", "IngestReady", "Fresh");
    assertThat(status.getConditions()).allSatisfy(c -> {
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("InvalidSpec");
    });
    assertThat(status.getTables()).isNull();
  }

  private static AnalyticsStream generation(AnalyticsStream stream, long generation) {
    stream.getMetadata().setGeneration(generation);
    return stream;
  }

  private static Condition condition(AnalyticsStreamStatus status, ConditionType type) {
    return Conditions.find(status.getConditions(), type);
  }

  private static Deployment deployment(int replicas, Integer available) {
    return new DeploymentBuilder().withNewSpec().withReplicas(replicas).endSpec()
        .withNewStatus().withAvailableReplicas(available).endStatus().build();
  }
}
