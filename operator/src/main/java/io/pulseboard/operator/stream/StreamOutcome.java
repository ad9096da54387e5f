package io.pulseboard.operator.stream;

import io.pulseboard.operator.clickhouse.RollupConsistency;
import io.pulseboard.operator.clickhouse.SchemaState;
import io.pulseboard.operator.status.Problem;
import java.util.Map;

/**
 * How far one reconcile of a stream got.
 *
 * @param blocked the step that failed, or null when every step succeeded
 * @param tables the stream's tables by role when the schema is in place, else null
 * @param schema where the schema stands when it is in place, else null
 * @param freshness what the freshness check measured once every step succeeded, else null
 * @param consistency the latest rollup consistency report once the schema is in place, else null
 */
record StreamOutcome(Problem blocked, Map<String, String> tables, SchemaState schema, Freshness freshness,
    RollupConsistency.Report consistency) {

  StreamOutcome(Problem blocked, Map<String, String> tables, SchemaState schema) {
    this(blocked, tables, schema, null, null);
  }

  static StreamOutcome blockedBeforeSchema(Problem problem) {
    return new StreamOutcome(problem, null, null);
  }

  StreamOutcome blockedBy(Problem problem) {
    return new StreamOutcome(problem, tables, schema, null, consistency);
  }

  StreamOutcome withFreshness(Freshness measured) {
    return new StreamOutcome(blocked, tables, schema, measured, consistency);
  }

  StreamOutcome withConsistency(RollupConsistency.Report report) {
    return new StreamOutcome(blocked, tables, schema, freshness, report);
  }

  boolean schemaApplied() {
    return tables != null;
  }

  boolean schemaChanging() {
    return schema != null && schema.changing();
  }
}
