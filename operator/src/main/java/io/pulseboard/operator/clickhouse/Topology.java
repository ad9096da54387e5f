package io.pulseboard.operator.clickhouse;

import io.pulseboard.api.contract.Identifiers;
import java.util.Map;
import java.util.Optional;

/**
 * Where a stream's tables live: one server, or a cluster named in the connection Secret (operator/DESIGN.md,
 * "ClickHouse clusters"). On a cluster each logical table ({@code checkout_raw}, {@code checkout_1m}, ...) is a
 * {@code Distributed} table in front of a replicated {@code <table>_local} on every server, every DDL statement
 * runs {@code ON CLUSTER}, and the views read and write the {@code _local} tables. Readers keep the logical
 * names. Names go through {@link Identifiers#quote}; the ZooKeeper path is a string literal of validated names.
 */
public final class Topology {
  public static final Topology SINGLE_SERVER = new Topology(null);
  /** Suffix of the table that stores the rows on each server of a cluster. */
  public static final String LOCAL_SUFFIX = "_local";

  /**
   * What the writers of a cluster stream send with every statement: a Distributed INSERT returns only once
   * the rows are on a replica of every shard ({@code insert_distributed_sync}; asynchronous sends would let
   * the worker read offsets that are not stored yet), and both the writes and the reads that must see them
   * (the worker's stored offsets, the operator's back-fills) go to the first healthy replica in the cluster's
   * order, whichever server the connection reached, so a read sees what the last write stored before
   * replication copied it elsewhere.
   */
  private static final Map<String, String> WRITER_SETTINGS = Map.of(
      "insert_distributed_sync", "1",
      "load_balancing", "in_order",
      "prefer_localhost_replica", "0");

  private final String cluster;

  private Topology(String cluster) {
    this.cluster = cluster;
  }

  public static Topology cluster(String name) {
    return new Topology(Identifiers.require(name));
  }

  public Optional<String> clusterName() {
    return Optional.ofNullable(cluster);
  }

  public boolean isCluster() {
    return cluster != null;
  }

  /** {@code " ON CLUSTER `name`"}, or nothing on a single server; it follows the object name in DDL. */
  public String onCluster() {
    return cluster == null ? "" : " ON CLUSTER " + Identifiers.quote(cluster);
  }

  /** The table that holds the rows of a logical table: itself on one server, {@code <table>_local} on a cluster. */
  public String storage(String table) {
    return cluster == null ? table : table + LOCAL_SUFFIX;
  }

  /**
   * The engine clause of a logical table's storage: {@code engine} itself on one server; on a cluster its
   * {@code Replicated} form with one ZooKeeper path per shard and table, and the server's replica macro.
   */
  public String engine(String engine, String database, String table) {
    if (cluster == null) {
      return engine;
    }
    String path = "/clickhouse/tables/{shard}/" + Identifiers.require(database) + "/"
        + Identifiers.require(storage(table));
    return "Replicated" + engine + "(" + SqlLiterals.string(path) + ", " + SqlLiterals.string("{replica}") + ")";
  }

  /** The engine of the Distributed table in front of a logical table's storage; rows are spread by {@code shardingKey}. */
  public String distributedEngine(String database, String table, String shardingKey) {
    return "Distributed(" + Identifiers.quote(cluster) + ", " + Identifiers.quote(database) + ", "
        + Identifiers.quote(storage(table)) + ", " + shardingKey + ")";
  }

  /** Settings for every statement of a writer (the worker, the operator's back-fills); none on one server. */
  public Map<String, String> writerSettings() {
    return cluster == null ? Map.of() : WRITER_SETTINGS;
  }

  @Override
  public String toString() {
    return cluster == null ? "single server" : "cluster " + cluster;
  }
}
