package io.pulseboard.api.contract;

import io.pulseboard.api.v1alpha1.Granularity;

/**
 * Names of the ClickHouse objects of one stream, derived from its Kubernetes name. Kubernetes allows
 * dashes, ClickHouse identifiers here do not, so dashes become underscores.
 */
public record StreamNames(String database, String base) {
  /** Bookkeeping columns of the raw table; user names cannot start with an underscore. */
  public static final String TIME = "_time";
  public static final String PARTITION = "_partition";
  public static final String OFFSET = "_offset";
  public static final String INGESTED_AT = "_ingested_at";
  /**
   * The stream schema version the worker wrote a row with. Each view only reads rows of its own version,
   * which is what lets a schema change swap views without losing or double-counting a row.
   */
  public static final String SCHEMA_VERSION = "_schema_version";
  /** The bucket column of every rollup. */
  public static final String BUCKET = "_bucket";

  public StreamNames {
    Identifiers.require(database);
    Identifiers.require(base);
  }

  public static StreamNames of(String database, String streamName) {
    return new StreamNames(database, streamName.replace('-', '_'));
  }

  public String raw() {
    return base + "_raw";
  }

  public String rollup(Granularity granularity) {
    return base + "_" + granularity.label();
  }

  /** The view that fills a rollup from the raw rows of one schema version. */
  public String view(Granularity granularity, int schemaVersion) {
    return rollup(granularity) + "_mv_v" + schemaVersion;
  }

  /** {@code database.table}, unquoted, as shown in status. */
  public String qualified(String table) {
    return database + "." + table;
  }
}
