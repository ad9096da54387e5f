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
import java.time.Instant;
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

  static AnalyticsStreamStatus next(AnalyticsStream stream, StreamOutcome outcome, Optional<Deployment> deployment,
      Instant now) {
    AnalyticsStreamStatus previous = stream.getStatus() == null ? new AnalyticsStreamStatus() : stream.getStatus();
    Long generation = stream.getMetadata().getGeneration();

    AnalyticsStreamStatus status = new AnalyticsStreamStatus();
    status.setObservedGeneration(generation);
    status.setConditions(Conditions.merge(previous.getConditions(),
        List.of(ready(outcome), schemaReady(outcome), ingestReady(outcome, deployment)), generation, now));
    // tables stay listed while a later step fails: they still exist
    status.setTables(outcome.schemaApplied() ? outcome.tables() : previous.getTables());
    status.setSchemaVersion(outcome.schemaApplied()
        ? Integer.valueOf(outcome.schema().appliedVersion())
        : previous.getSchemaVersion());
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
