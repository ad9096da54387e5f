package io.pulseboard.operator.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.operator.testing.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The DDL of a stream whose connection Secret names a cluster, in both dialects. The floor dialect's runs
 * on a real two-replica cluster in ClusterStreamIT; the modern one (chDB cannot run a cluster) is checked
 * here against its golden file. Regenerate the golden files with {@code -Dpulseboard.updateGolden=true}.
 */
class ClusterDdlTest {
  private static final Topology CLUSTER = Topology.cluster("analytics");

  @Test
  void floorClusterDdlMatchesTheGoldenFile() throws IOException {
    assertGolden("quickstart-cluster.sql", render(new DdlGenerator(FloorDialect.INSTANCE, CLUSTER)
        .statements(quickstart())));
  }

  @Test
  void modernClusterDdlMatchesTheGoldenFile() throws IOException {
    assertGolden("quickstart-cluster-modern.sql", render(new DdlGenerator(ModernDialect.INSTANCE, CLUSTER)
        .statements(DialectsTest.quickstartWithRetention())));
  }

  @Test
  void everyStatementRunsOnTheWholeClusterAndCanBeAppliedAgain() {
    for (Dialect dialect : List.of(FloorDialect.INSTANCE, ModernDialect.INSTANCE)) {
      List<String> statements = new DdlGenerator(dialect, CLUSTER).statements(quickstart());

      // the database, then raw and three rollups as local + Distributed tables, and three views
      assertThat(statements).hasSize(1 + 2 + 3 * 3)
          .allSatisfy(s -> assertThat(s).containsPattern("^CREATE .*IF NOT EXISTS `quickstart`(\\.`[a-z0-9_]+`)? ON CLUSTER `analytics`"));
    }
  }

  @Test
  void rowsLiveInReplicatedLocalTablesBehindDistributedTablesOfThePlainNames() {
    List<String> statements = new DdlGenerator(FloorDialect.INSTANCE, CLUSTER).statements(quickstart());

    assertThat(statements.get(1)).startsWith("CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_raw_local`")
        .contains("ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/quickstart/checkout_raw_local', '{replica}')");
    assertThat(statements.get(2)).startsWith("CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_raw` ON CLUSTER")
        .endsWith("ENGINE = Distributed(`analytics`, `quickstart`, `checkout_raw_local`, `_partition`)");
    assertThat(statements.get(3)).startsWith("CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_1m_local`")
        .contains("ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/quickstart/checkout_1m_local', '{replica}')");
    assertThat(statements.get(4)).startsWith("CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_1m` ON CLUSTER")
        .endsWith("ENGINE = Distributed(`analytics`, `quickstart`, `checkout_1m_local`, rand())");
  }

  @Test
  void viewsReadTheLocalRawTableAndWriteTheLocalRollup() {
    List<String> views = new DdlGenerator(FloorDialect.INSTANCE, CLUSTER).statements(quickstart()).stream()
        .filter(s -> s.startsWith("CREATE MATERIALIZED VIEW")).toList();

    assertThat(views).hasSize(3).allSatisfy(v -> assertThat(v)
        .contains("FROM `quickstart`.`checkout_raw_local`")
        .containsPattern("TO `quickstart`.`checkout_1[mhd]_local`"));
  }

  @Test
  void aSingleServerKeepsItsDdlUnchanged() throws IOException {
    assertThat(render(new DdlGenerator(FloorDialect.INSTANCE, Topology.SINGLE_SERVER).statements(quickstart())))
        .isEqualTo(Files.readString(Path.of("src/test/resources/golden/quickstart.sql")))
        .doesNotContain("ON CLUSTER", "Replicated", "Distributed", "_local");
  }

  @Test
  void newRawColumnsAlterTheLocalTableAndSwapTheDistributedTable() {
    StreamSchema schema = quickstart();
    List<Column> before = new ArrayList<>(schema.raw().columns());
    before.removeIf(c -> c.name().equals("latency_ms"));
    Map<String, List<Column>> existing = Map.of("checkout_raw_local", before, "checkout_raw", before);

    List<String> statements = new ChangeDdl(FloorDialect.INSTANCE, CLUSTER)
        .completeRaw("quickstart", schema.raw(), existing);

    assertThat(statements).containsExactly(
        "ALTER TABLE `quickstart`.`checkout_raw_local` ON CLUSTER `analytics` ADD COLUMN `latency_ms` Float64",
        "DROP TABLE IF EXISTS `quickstart`.`checkout_raw_old` ON CLUSTER `analytics`",
        "DROP TABLE IF EXISTS `quickstart`.`checkout_raw_next` ON CLUSTER `analytics`",
        new DdlGenerator(FloorDialect.INSTANCE, CLUSTER).rawDistributedTable("quickstart", "checkout_raw_next",
            schema.raw()),
        "RENAME TABLE `quickstart`.`checkout_raw` TO `quickstart`.`checkout_raw_old`, "
            + "`quickstart`.`checkout_raw_next` TO `quickstart`.`checkout_raw` ON CLUSTER `analytics`",
        "DROP TABLE IF EXISTS `quickstart`.`checkout_raw_old` ON CLUSTER `analytics`");
    assertThat(statements.get(3)).contains("`latency_ms` Float64");
  }

  @Test
  void aHalfDoneRawChangeOnlyRepeatsWhatIsMissing() {
    StreamSchema schema = quickstart();
    List<Column> before = new ArrayList<>(schema.raw().columns());
    before.removeIf(c -> c.name().equals("latency_ms"));
    // the local table was altered, then the operator stopped
    Map<String, List<Column>> existing = Map.of("checkout_raw_local", schema.raw().columns(), "checkout_raw", before);

    List<String> statements = new ChangeDdl(FloorDialect.INSTANCE, CLUSTER)
        .completeRaw("quickstart", schema.raw(), existing);

    assertThat(statements).hasSize(5).noneMatch(s -> s.startsWith("ALTER"));
    assertThat(new ChangeDdl(FloorDialect.INSTANCE, CLUSTER).completeRaw("quickstart", schema.raw(),
        Map.of("checkout_raw_local", schema.raw().columns(), "checkout_raw", schema.raw().columns()))).isEmpty();
  }

  @Test
  void markersDropsAndTablesOfAChangeRunOnTheCluster() {
    ChangeDdl change = new ChangeDdl(FloorDialect.INSTANCE, CLUSTER);

    assertThat(change.marker("quickstart", "checkout_1m_v2_backfill")).isEqualTo(
        "CREATE VIEW IF NOT EXISTS `quickstart`.`checkout_1m_v2_backfill` ON CLUSTER `analytics` AS SELECT 1 AS `pending`");
    assertThat(change.dropTable("quickstart", "checkout_1m_v2")).containsExactly(
        "DROP TABLE IF EXISTS `quickstart`.`checkout_1m_v2` ON CLUSTER `analytics`",
        "DROP TABLE IF EXISTS `quickstart`.`checkout_1m_v2_local` ON CLUSTER `analytics`");
    assertThat(new ChangeDdl(FloorDialect.INSTANCE).dropTable("quickstart", "checkout_1m_v2")).containsExactly(
        "DROP TABLE IF EXISTS `quickstart`.`checkout_1m_v2`");
  }

  @Test
  void clusterWritersSendSynchronousInsertsAndReadFromTheReplicaTheyWroteTo() {
    assertThat(CLUSTER.writerSettings()).containsOnly(Map.entry("insert_distributed_sync", "1"),
        Map.entry("load_balancing", "in_order"), Map.entry("prefer_localhost_replica", "0"));
    assertThat(Topology.SINGLE_SERVER.writerSettings()).isEmpty();
  }

  @Test
  void aClusterNameMustBeAnIdentifier() {
    assertThatThrownBy(() -> Topology.cluster("x` ; DROP DATABASE shop; --"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClickHouseConnection("http://ch:8123", "default", "", "Bad-Name"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ClickHouseConnection("http://ch:8123", "default", "", "analytics").topology().onCluster())
        .isEqualTo(" ON CLUSTER `analytics`");
  }

  private static StreamSchema quickstart() {
    AnalyticsStream stream = Examples.quickstartStream();
    StreamNames names = StreamNames.of(stream.getSpec().getClickhouse().getDatabase(), stream.getMetadata().getName());
    return StreamSchemas.of(names, stream.getSpec(), 1);
  }

  private static String render(List<String> statements) {
    return String.join(";\n\n", statements) + ";\n";
  }

  private static void assertGolden(String file, String rendered) throws IOException {
    Path golden = Path.of("src/test/resources/golden", file);
    if (Boolean.getBoolean("pulseboard.updateGolden")) {
      Files.writeString(golden, rendered);
    }
    assertThat(rendered).isEqualTo(Files.readString(golden));
  }
}
