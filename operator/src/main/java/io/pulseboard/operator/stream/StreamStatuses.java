package io.pulseboard.operator.stream;

import static io.pulseboard.operator.status.DesiredCondition.isFalse;
import static io.pulseboard.operator.status.DesiredCondition.isTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.AnalyticsStreamStatus;
import io.pulseboard.operator.status.ConditionType;
import io.pulseboard.operator.status.Conditions;
import io.pulseboard.operator.status.DesiredCondition;
import io.pulseboard.operator.status.Reason;
import io.pulseboard.api.contract.Durations;
import io.pulseboard.api.v1alpha1.AnalyticsStreamSpec;
import io.pulseboard.operator.status.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The status a stream should have after a reconcile.
 *
 * <p>Ready means the spec is valid, the tables and views exist, the source topic exists, the dead-letter
 * topic exists and the ingest ConfigMap and Deployment are written. Whether the ingest pods run is
 * IngestReady, a separate condition: pods starting, crashing or scaled to zero do not make the stream's
 * definition less ready, and a dashboard can show the data already in ClickHouse.
 */
final class StreamStatuses {
  private StreamStatuses() {}

  static final long DEFAULT_MAX_LAG = 10_000;
  static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

  /**
   * @param freshness what the freshness check measured; null when the stream is not Ready and nothing was
   *     measured
   */
  static AnalyticsStreamStatus next(AnalyticsStream stream, StreamOutcome outcome, Optional<Deployment> deployment,
      Freshness freshness, Instant now) {
    AnalyticsStreamStatus previous = stream.getStatus() == null ? new AnalyticsStreamStatus() : stream.getStatus();
    Long generation = stream.getMetadata().getGeneration();

    AnalyticsStreamStatus status = new AnalyticsStreamStatus();
    status.setObservedGeneration(generation);
    List<DesiredCondition> desired = new ArrayList<>(List.of(ready(outcome), schemaReady(outcome),
        ingestReady(outcome, deployment), fresh(stream.getSpec(), outcome, freshness, now)));
    if (outcome.consistency() != null) {
      desired.add(outcome.consistency().consistent()
          ? isTrue(ConditionType.RollupsConsistent, Reason.Consistent, outcome.consistency().message())
          : isFalse(ConditionType.RollupsConsistent, Reason.Inconsistent, outcome.consistency().message()));
    }
    status.setConditions(Conditions.merge(previous.getConditions(), desired, generation, now));
    // tables stay listed while a later step fails: they still exist
    status.setTables(outcome.schemaApplied() ? outcome.tables() : previous.getTables());
    status.setSchemaVersion(outcome.schemaApplied()
        ? Integer.valueOf(outcome.schema().appliedVersion())
        : previous.getSchemaVersion());
    // figures that could not be read this time keep their last value rather than flapping to nothing
    status.setLag(freshness != null && freshness.lag() != null ? freshness.lag() : previous.getLag());
    status.setLastIngestedAt(freshness != null && freshness.lastIngestedAt() != null
        ? freshness.lastIngestedAt().toString()
        : previous.getLastIngestedAt());
    return status;
  }

  private static DesiredCondition ready(StreamOutcome outcome) {
    if (outcome.blocked() != null) {
      return isFalse(ConditionType.Ready, outcome.blocked().reason(), outcome.blocked().message());
    }
    return isTrue(ConditionType.Ready, Reason.Reconciled,
        "tables, views and topics are in place and the ingest workload is written");
  }

  private static DesiredCondition schemaReady(StreamOutcome outcome) {
    if (outcome.schemaChanging()) {
      return isFalse(ConditionType.SchemaReady, Reason.SchemaChanging, outcome.schema().change());
    }
    if (outcome.schemaApplied()) {
      return isTrue(ConditionType.SchemaReady, Reason.SchemaApplied,
          "the raw table, " + (outcome.tables().size() - 1) + " rollups and their views exist on ClickHouse "
              + outcome.schema().serverVersion());
    }
    return isFalse(ConditionType.SchemaReady, outcome.blocked().reason(), outcome.blocked().message());
  }

  /**
   * Fresh: lag at most maxLag and the newest row at most maxAge old. The message names the newest row's
   * time rather than its age, so that a stalled stream's status stays the same from one check to the next.
   */
  private static DesiredCondition fresh(AnalyticsStreamSpec spec, StreamOutcome outcome, Freshness freshness,
      Instant now) {
    if (freshness == null) {
      Problem blocked = outcome.blocked();
      return isFalse(ConditionType.Fresh, blocked == null ? Reason.FreshnessUnknown : blocked.reason(),
          blocked == null ? "not measured" : "not measured: the stream is not Ready");
    }
    long maxLag = spec.getFreshness() != null && spec.getFreshness().getMaxLag() != null
        ? spec.getFreshness().getMaxLag() : DEFAULT_MAX_LAG;
    Duration maxAge = spec.getFreshness() != null && spec.getFreshness().getMaxAge() != null
        ? Durations.parse(spec.getFreshness().getMaxAge()) : DEFAULT_MAX_AGE;
    if (freshness.error() != null) {
      return isFalse(ConditionType.Fresh, Reason.FreshnessUnknown, freshness.error());
    }
    String lag = "lag " + freshness.lag() + " messages (at most " + maxLag + ")";
    if (freshness.lag() > maxLag) {
      return isFalse(ConditionType.Fresh, Reason.Lagging, lag);
    }
    if (freshness.lastIngestedAt() == null) {
      return isFalse(ConditionType.Fresh, Reason.NoRowsYet, lag + "; no rows in the raw table yet");
    }
    String newest = lag + "; newest row ingested at " + freshness.lastIngestedAt() + " (at most "
        + maxAge.toSeconds() + " s ago)";
    return freshness.lastIngestedAt().plus(maxAge).isBefore(now)
        ? isFalse(ConditionType.Fresh, Reason.Stale, newest)
        : isTrue(ConditionType.Fresh, Reason.UpToDate, newest);
  }

  private static DesiredCondition ingestReady(StreamOutcome outcome, Optional<Deployment> deployment) {
    if (deployment.isEmpty()) {
      return outcome.blocked() != null
          ? isFalse(ConditionType.IngestReady, outcome.blocked().reason(), outcome.blocked().message())
          : isFalse(ConditionType.IngestReady, Reason.IngestStarting, "the ingest Deployment is being created");
    }
    Deployment d = deployment.get();
    int wanted = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    Integer availableOrNull = d.getStatus() == null ? null : d.getStatus().getAvailableReplicas();
    int available = availableOrNull == null ? 0 : availableOrNull;
    String message = available + " of " + wanted + " ingest replicas available";
    return available >= wanted
        ? isTrue(ConditionType.IngestReady, Reason.IngestAvailable, message)
        : isFalse(ConditionType.IngestReady, Reason.IngestStarting, message);
  }
}
