package io.pulseboard.operator.status;

/**
 * Why a condition has its status. Values are CamelCase because Kubernetes condition reasons are; a
 * retryable reason names a problem outside the spec that may go away on its own, so the operator looks
 * again after a delay instead of waiting for an edit.
 */
public enum Reason {
  /** Everything the resource asks for is in place. */
  Reconciled(false),
  /** The spec breaks a rule the CRD schema cannot express or that the API server did not check. */
  InvalidSpec(false),
  /** The ClickHouse connection Secret is missing or has no url. */
  ConnectionSecretMissing(true),
  /** A connection Secret is named with a namespace; a resource may only use Secrets of its own namespace. */
  CrossNamespaceReference(false),
  /** The operator's database policy does not let the resource's namespace use that ClickHouse database. */
  DatabaseNotAllowed(false),
  /** ClickHouse did not answer. */
  ClickHouseUnavailable(true),
  /** ClickHouse answered a DDL statement with an error. */
  SchemaRejected(true),
  /** The tables exist with other columns than the spec asks for; changing them is not supported yet. */
  UnsupportedSchemaChange(false),
  /** The raw table, rollups and views exist as the spec asks. */
  SchemaApplied(false),
  /** Kafka did not answer. */
  KafkaUnavailable(true),
  /** The stream's source topic does not exist (yet). */
  SourceTopicMissing(true),
  /** Creating or updating a ConfigMap, Deployment or Service failed. */
  WorkloadUpdateFailed(true),
  /** The workload exists but not all of its replicas are available yet. */
  IngestStarting(false),
  /** All replicas of the ingest workload are available. */
  IngestAvailable(false),
  /** A panel names a stream that does not exist in the dashboard's namespace. */
  UnknownStream(false),
  /** A panel names a measure its stream does not declare. */
  UnknownMeasure(false),
  /** A panel groups or filters by a dimension its stream does not declare. */
  UnknownDimension(false),
  /** A panel picks a quantile its measure does not keep. */
  UnknownQuantile(false),
  /** Every panel names an existing stream, measure, dimension and quantile. */
  PanelsValid(false),
  /** A stream a panel reads is not Ready, so its tables may not exist. */
  StreamNotReady(false),
  /** An unexpected error; the message has the details. */
  ReconcileError(true);

  private final boolean retryable;

  Reason(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
