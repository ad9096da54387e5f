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
  /**
   * The ClickHouse connection Secret is missing, has no url, names a cluster with an unusable name, or names a
   * cluster (or none) other than where the stream's tables were created.
   */
  ConnectionSecretMissing(true),
  /** A connection Secret is named with a namespace; a resource may only use Secrets of its own namespace. */
  CrossNamespaceReference(false),
  /** The operator's database policy does not let the resource's namespace use that ClickHouse database. */
  DatabaseNotAllowed(false),
  /** ClickHouse did not answer. */
  ClickHouseUnavailable(true),
  /** ClickHouse answered a DDL statement with an error. */
  SchemaRejected(true),
  /** The spec asks for a change only destructive DDL could make (a type change, a removed column); nothing ran. */
  UnsafeSchemaChange(false),
  /** A schema change is under way: views of the new version exist, the ingest workers are being rolled. */
  SchemaChanging(false),
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
  /** Lag and time since the newest ingested row are both under the stream's freshness thresholds. */
  UpToDate(false),
  /** The ingest workers' consumer-group lag is above spec.freshness.maxLag. */
  Lagging(false),
  /** The newest row in raw was ingested longer ago than spec.freshness.maxAge. */
  Stale(false),
  /** The raw table has no rows yet. */
  NoRowsYet(false),
  /** Lag or newest row could not be read (Kafka or ClickHouse did not answer). */
  FreshnessUnknown(false),
  /** Count and sum measures agree: raw vs 1m vs 1h for the last closed hour, 1h vs 1d for the last day. */
  Consistent(false),
  /** A rollup disagrees with raw or with another rollup; the message has the figures. */
  Inconsistent(false),
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
