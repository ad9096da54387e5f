package io.pulseboard.operator.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.StreamNames;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces retention on servers without TTL (the floor dialect): every table of a stream that has a
 * retention loses the days that are wholly older than it. A day partition is dropped once its last day
 * ends before the cut-off day; a month partition (the 1d rollup) is dropped once the whole month is
 * expired, and the expired days of a partly expired month are deleted with one mutation, so retention is
 * exact to the day for every table. Rows of the cut-off day itself are kept until the day is over.
 */
public final class RetentionEnforcer {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionEnforcer.class);

  private final ClickHouseService clickhouse;

  public RetentionEnforcer(ClickHouseService clickhouse) {
    this.clickhouse = clickhouse;
  }

  /**
   * Removes what is expired at {@code now}.
   *
   * @return a description of each partition dropped or month trimmed, empty when nothing was expired
   */
  public List<String> enforce(ClickHouseConnection connection, StreamSchema schema, Instant now) {
    List<String> done = new ArrayList<>();
    enforce(connection, schema.database(), schema.raw().name(), StreamNames.TIME, schema.raw().retention(), now,
        done);
    for (RollupTable rollup : schema.rollups()) {
      enforce(connection, schema.database(), rollup.name(), StreamNames.BUCKET, rollup.retention(), now, done);
    }
    if (!done.isEmpty()) {
      LOG.info("Retention in {}: {}", schema.database(), done);
    }
    return done;
  }

  private void enforce(ClickHouseConnection connection, String database, String table, String timeColumn,
      Optional<Duration> retention, Instant now, List<String> done) {
    if (retention.isEmpty()) {
      return;
    }
    // the first day that still has rows inside the retention: everything before it is expired
    LocalDate firstKept = now.minus(retention.get()).atZone(ZoneOffset.UTC).toLocalDate();
    // on a cluster the parts live in the replicated local tables; a partition dropped there is dropped on
    // every replica of the shard (replication), and ON CLUSTER reaches every shard
    Topology topology = connection.topology();
    String storage = topology.storage(table);
    for (String partition : partitions(connection, database, storage)) {
      Partitioning partitioning = Partitioning.ofPartitionValue(partition);
      LocalDate last = partitioning.lastDay(partition);
      if (last.isBefore(firstKept)) {
        clickhouse.execute(connection, List.of("ALTER TABLE " + Identifiers.quote(database, storage)
            + topology.onCluster() + " DROP PARTITION " + SqlLiterals.unsignedInteger(partition)));
        done.add(table + " partition " + partition + " dropped");
      } else if (partitioning == Partitioning.MONTH && firstDay(partition).isBefore(firstKept)
          && hasRowsBefore(connection, database, table, timeColumn, firstKept)) {
        clickhouse.execute(connection, List.of("ALTER TABLE " + Identifiers.quote(database, storage)
            + topology.onCluster() + " DELETE WHERE " + Identifiers.quoteColumn(timeColumn) + " < " + dayStart(firstKept)));
        done.add(table + " rows before " + firstKept + " deleted");
      }
    }
  }

  private TreeSet<String> partitions(ClickHouseConnection connection, String database, String table) {
    TreeSet<String> partitions = new TreeSet<>();
    for (JsonNode row : clickhouse.select(connection, "SELECT DISTINCT partition FROM system.parts WHERE active"
        + " AND database = " + SqlLiterals.string(database) + " AND table = " + SqlLiterals.string(table)
        + " FORMAT JSONEachRow")) {
      partitions.add(row.get("partition").asText());
    }
    return partitions;
  }

  private boolean hasRowsBefore(ClickHouseConnection connection, String database, String table, String timeColumn,
      LocalDate day) {
    JsonNode row = clickhouse.select(connection, "SELECT count() AS n FROM " + Identifiers.quote(database, table)
        + " WHERE " + Identifiers.quoteColumn(timeColumn) + " < " + dayStart(day) + " FORMAT JSONEachRow").get(0);
    return row.get("n").asLong() > 0;
  }

  private static LocalDate firstDay(String monthPartition) {
    return Partitioning.MONTH.lastDay(monthPartition).withDayOfMonth(1);
  }

  private static String dayStart(LocalDate day) {
    return "toDateTime(" + SqlLiterals.string(day + " 00:00:00") + ", 'UTC')";
  }
}
