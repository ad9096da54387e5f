package io.pulseboard.operator.clickhouse;

import io.pulseboard.api.v1alpha1.Granularity;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where a stream's schema stands after one pass of the change state machine.
 *
 * @param serverVersion ClickHouse's version
 * @param appliedVersion the last schema version whose change is complete (status.schemaVersion)
 * @param ingestVersion the version the ingest ConfigMap must carry now; empty when it must stay as it is
 *     (a newer spec waits until the running change finishes)
 * @param rollups the complete rollup table of each declared granularity, which queries read
 * @param change what the unfinished change waits for, or null when none is running
 */
public record SchemaState(String serverVersion, int appliedVersion, OptionalInt ingestVersion,
    Map<Granularity, String> rollups, String change) {

  public SchemaState {
    rollups = Map.copyOf(rollups);
  }

  public boolean changing() {
    return change != null;
  }
}
