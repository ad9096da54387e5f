package io.pulseboard.operator.clickhouse;

import java.util.OptionalInt;

/**
 * What the schema change state machine needs to know of the ingest workers, read from Kubernetes.
 *
 * @param configuredVersion the schema version in the ingest ConfigMap, empty when there is none yet
 * @param rolledOut true when every worker runs that ConfigMap and no worker of an older one is left
 */
public record IngestRollout(OptionalInt configuredVersion, boolean rolledOut) {

  public static IngestRollout none() {
    return new IngestRollout(OptionalInt.empty(), false);
  }
}
