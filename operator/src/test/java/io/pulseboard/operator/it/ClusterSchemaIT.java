package io.pulseboard.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static io.pulseboard.operator.testing.SpecParts.measure;
import static io.pulseboard.operator.testing.SpecParts.quickstartMinuteHour;
import static io.pulseboard.operator.testing.SpecParts.rollup;

import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.AnalyticsStreamSpec;
import io.pulseboard.api.v1alpha1.DimensionSpec;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.api.v1alpha1.RawSpec;
import io.pulseboard.operator.clickhouse.ClickHouseConnection;
import io.pulseboard.operator.clickhouse.ClickHouseService;
import io.pulseboard.operator.clickhouse.IngestRollout;
import io.pulseboard.operator.clickhouse.RetentionEnforcer;
import io.pulseboard.operator.clickhouse.SchemaApplier;
import io.pulseboard.operator.clickhouse.SchemaState;
import io.pulseboard.operator.clickhouse.StreamSchemas;
import io.pulseboard.operator.clickhouse.TopologyMismatchException;
import io.pulseboard.operator.testing.ClickHouseQueries;
import io.pulseboard.services.ClickHouseCluster;
import io.pulseboard.services.ClickHouseProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The schema change state machine and floor retention on a real two-replica cluster: raw columns are added
 * (the local table altered, the Distributed table swapped), new rollup generations are created ON CLUSTER
 * and filled through the Distributed tables, and expired partitions are dropped on every replica. The
 * operator talks to the second replica; the checks read a replica's own local tables (the first one's, unless
 * it is down).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterSchemaIT {
  private static final String CLUSTER = "pulseboard";

  private final String database = "cs" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final StreamNames names = StreamNames.of(database, "checkout");
  private final ClickHouseService clickhouse = new ClickHouseService();
  private final SchemaApplier applier = new SchemaApplier(clickhouse);

  private Path workDir;
  private ClickHouseCluster cluster;
  private ClickHouseConnection connection;
  private ClickHouseQueries first;
  private ClickHouseQueries second;
  private long offset;

  @BeforeAll
  void startCluster() throws IOException {
    workDir = Files.createTempDirectory("pulseboard-cluster-");
    cluster = ClickHouseCluster.start(workDir, CLUSTER, 2);
    connection = new ClickHouseConnection(cluster.replicas().get(1).httpUrl(), "default", "", CLUSTER);
    first = new ClickHouseQueries(cluster.replicas().get(0).httpUrl());
    second = new ClickHouseQueries(cluster.replicas().get(1).httpUrl());
  }

  @AfterAll
  void stopCluster() throws IOException {
    clickhouse.close();
    if (cluster != null) {
      cluster.close();
    }
    try (Stream<Path> paths = Files.walk(workDir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  @Test
  void aNewMeasureThenANewDimensionUnderLoadKeepEveryRollupEqualToRaw() {
    AnalyticsStreamSpec spec = quickstartMinuteHour();
    assertThat(applier.apply(connection, names, spec, IngestRollout.none()).appliedVersion()).isEqualTo(1);
    insert(1, 500, false);

    // version 2: a measure; the rollups get new generations, copied from the first through Distributed tables
    spec.getMeasures().add(measure("largest", Aggregate.max, "amount"));
    assertThat(applier.apply(connection, names, spec, rolledOut(1)).ingestVersion()).hasValue(2);
    insert(1, 200, false); // the last old worker flushes
    insert(2, 300, false);
    SchemaState two = applier.apply(connection, names, spec, rolledOut(2));
    assertThat(two.appliedVersion()).isEqualTo(2);
    assertThat(two.rollups()).containsEntry(Granularity.MINUTE, "checkout_1m_v2");

    // version 3: a dimension; raw gets a column on every replica, rollups are rebuilt from raw
    DimensionSpec device = new DimensionSpec();
    device.setName("device");
    device.setType(FieldType.string);
    spec.getDimensions().add(device);
    assertThat(applier.apply(connection, names, spec, rolledOut(2)).ingestVersion()).hasValue(3);
    insert(2, 100, false);
    insert(3, 400, true);
    SchemaState three = applier.apply(connection, names, spec, rolledOut(3));
    assertThat(three.appliedVersion()).isEqualTo(3);
    assertThat(three.changing()).isFalse();
    insert(3, 100, true);

    assertThat(first.text("SELECT name FROM system.columns WHERE database = '" + database
        + "' AND table = 'checkout_raw' AND name = 'device'")).isEqualTo("device");
    // no back-fill marker and no half-swapped Distributed raw table is left behind
    assertThat(first.text("SELECT name FROM system.tables WHERE database = '" + database + "'").lines())
        .noneMatch(name -> name.endsWith("_backfill") || name.endsWith("_next") || name.endsWith("_old"));
    long rows = 500 + 200 + 300 + 100 + 400 + 100;
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(first.text("SELECT count(), max(amount) FROM " + database + ".checkout_raw_local"))
          .isEqualTo(rows + "\t99");
      for (String rollup : three.rollups().values()) {
        assertThat(first.text("SELECT countMerge(events), maxMerge(largest), uniqExact(device) FROM " + database + "."
            + rollup + "_local")).as(rollup).isEqualTo(rows + "\t99\t3"); // rows before version 3 have device ''

      }
    });
  }

  @Test
  void expiredPartitionsAreDroppedOnEveryReplica() {
    AnalyticsStreamSpec spec = quickstartMinuteHour();
    RawSpec raw = new RawSpec();
    raw.setRetention("7d");
    spec.setRaw(raw);
    StreamNames retained = StreamNames.of(database, "retained");
    SchemaState state = applier.apply(connection, retained, spec, IngestRollout.none());
    Instant now = Instant.parse("2026-11-29T12:00:00Z");
    clickhouse.execute(connection, List.of(rawInsert(retained, "2026-11-01 10:00:00", 1, 0, 30, false),
        rawInsert(retained, "2026-11-28 10:00:00", 1, 30, 20, false)));

    List<String> done = new RetentionEnforcer(clickhouse).enforce(connection,
        StreamSchemas.of(retained, spec, 1).withRollupTables(state.rollups()), now);

    assertThat(done).containsExactly("retained_raw partition 20261101 dropped");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(first.text("SELECT count() FROM " + database + ".retained_raw_local")).isEqualTo("20"));
    assertThat(first.text("SELECT countMerge(events) FROM " + database + ".retained_1m_local")).isEqualTo("50");
  }

  @Test
  void writesGoOnWhileTheFirstReplicaIsDownAndItCatchesUpWhenBack() throws IOException {
    StreamNames outage = StreamNames.of(database, "outage");
    applier.apply(connection, outage, quickstartMinuteHour(), IngestRollout.none());
    clickhouse.execute(connection, List.of(rawInsert(outage, "2026-11-29 10:00:00", 1, 0, 100, false)));

    ClickHouseProcess firstReplica = cluster.replicas().get(0);
    firstReplica.stop();
    try {
      // the writers' in_order choice falls back to the next replica; the insert is still synchronous
      clickhouse.execute(connection, List.of(rawInsert(outage, "2026-11-29 10:00:00", 1, 100, 50, false)));
      assertThat(second.text("SELECT count() FROM " + database + ".outage_raw_local")).isEqualTo("150");
      assertThat(second.text("SELECT countMerge(events) FROM " + database + ".outage_1m_local")).isEqualTo("150");
    } finally {
      firstReplica.restart();
    }
    await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
      assertThat(first.text("SELECT count() FROM " + database + ".outage_raw_local")).isEqualTo("150");
      assertThat(first.text("SELECT countMerge(events) FROM " + database + ".outage_1m_local")).isEqualTo("150");
    });
  }

  @Test
  void tablesStayOnTheLayoutTheyWereCreatedWith() {
    ClickHouseConnection single = new ClickHouseConnection(connection.url(), "default", "");
    StreamNames alone = StreamNames.of(database, "alone");
    applier.apply(single, alone, quickstartMinuteHour(), IngestRollout.none());
    clickhouse.execute(single, List.of(rawInsert(alone, "2026-11-29 10:00:00", 1, 0, 10, false)));
    StreamNames clustered = StreamNames.of(database, "clustered");
    applier.apply(connection, clustered, quickstartMinuteHour(), IngestRollout.none());
    AnalyticsStreamSpec withMeasure = quickstartMinuteHour();
    withMeasure.getMeasures().add(measure("largest", Aggregate.max, "amount"));

    assertThatThrownBy(() -> applier.apply(connection, alone, withMeasure, rolledOut(1)))
        .isInstanceOf(TopologyMismatchException.class).hasMessageContaining("created on a single server");
    assertThatThrownBy(() -> applier.apply(single, clustered, withMeasure, rolledOut(1)))
        .isInstanceOf(TopologyMismatchException.class).hasMessageContaining("created on a cluster");
    assertThat(second.text("SELECT name, engine FROM system.tables WHERE database = '" + database
        + "' AND name LIKE 'alone%raw%'")).isEqualTo("alone_raw\tMergeTree");
    assertThat(second.text("SELECT count() FROM " + database + ".alone_raw")).isEqualTo("10");
    assertThat(second.text("SELECT count() FROM system.tables WHERE database = '" + database
        + "' AND match(name, '^(alone|clustered)_.*_v2')")).as("no generation of version 2").isEqualTo("0");
  }

  private void insert(int version, int rows, boolean withDevice) {
    clickhouse.execute(connection, List.of(rawInsert(names, "2026-11-29 10:00:00", version, offset, rows, withDevice)));
    offset += rows;
  }

  /** Rows as a worker writes them: through the Distributed raw table, with the cluster writer settings. */
  private static String rawInsert(StreamNames stream, String start, int version, long offset, int rows,
      boolean withDevice) {
    return "INSERT INTO " + stream.database() + "." + stream.raw() + " (_time, country, platform, "
        + (withDevice ? "device, " : "") + "amount, user_id, latency_ms, _partition, _offset, _ingested_at,"
        + " _schema_version) SELECT toDateTime('" + start + "', 'UTC') + (number * 37) % 7200,"
        + " ['de', 'fr', 'us'][number % 3 + 1], ['ios', 'web'][number % 2 + 1], "
        + (withDevice ? "['phone', 'tablet'][number % 2 + 1], " : "")
        + "toFloat64((" + offset + " + number) * 13 % 100), toString(number % 50), 1.5, 0, " + offset
        + " + number, now(), " + version + " FROM numbers(" + rows + ")";
  }

  private static IngestRollout rolledOut(int version) {
    return new IngestRollout(OptionalInt.of(version), true);
  }
}
