package io.pulseboard.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.operator.clickhouse.ChangeDdl;
import io.pulseboard.operator.clickhouse.ClickHouseConnection;
import io.pulseboard.operator.clickhouse.Column;
import io.pulseboard.operator.clickhouse.ClickHouseService;
import io.pulseboard.operator.clickhouse.DdlGenerator;
import io.pulseboard.operator.clickhouse.Dialects;
import io.pulseboard.operator.clickhouse.FloorDialect;
import io.pulseboard.operator.clickhouse.ModernDialect;
import io.pulseboard.operator.clickhouse.RollupTable;
import io.pulseboard.operator.clickhouse.SqlLiterals;
import io.pulseboard.operator.clickhouse.StreamSchema;
import io.pulseboard.operator.clickhouse.StreamSchemas;
import io.pulseboard.operator.clickhouse.Topology;
import io.pulseboard.operator.stream.StreamValidator;
import io.pulseboard.operator.testing.ChDb;
import io.pulseboard.operator.testing.Examples;
import io.pulseboard.operator.testing.GeneratedStreams;
import io.pulseboard.operator.testing.SampleRows;
import io.pulseboard.services.SharedServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each dialect's DDL executed on a real engine of its kind: the floor dialect on the 18.16 server, the
 * modern dialect on chDB 26.7. For every example stream and every generated one, the tables and views are
 * created, three rows are inserted into raw (so the views fire) and every measure is read back from every
 * rollup through its -Merge function.
 */
class DialectsOnRealEnginesIT {
  private static final ClickHouseService CLICKHOUSE = new ClickHouseService();
  private static final ClickHouseConnection FLOOR =
      new ClickHouseConnection(SharedServices.endpoints().clickhouseHttp(), "default", "");

  @AfterAll
  static void close() {
    CLICKHOUSE.close();
  }

  static Stream<AnalyticsStream> streams() throws IOException {
    List<AnalyticsStream> streams = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("..", "examples"))) {
      files.filter(f -> f.toString().endsWith(".yaml")).sorted()
          .filter(f -> Examples.read(f, io.fabric8.kubernetes.api.model.GenericKubernetesResource.class)
              .getKind().equals("AnalyticsStream"))
          .forEach(f -> streams.add(Examples.read(f, AnalyticsStream.class)));
    }
    assertThat(streams).as("example streams").isNotEmpty();
    streams.addAll(GeneratedStreams.all());
    streams.forEach(s -> assertThat(StreamValidator.problems(s, "127.0.0.1:9092")).as(s.getMetadata().getName())
        .isEmpty());
    return streams.stream();
  }

  @Test
  void theServersPickTheirDialects() {
    assertThat(Dialects.forVersion(CLICKHOUSE.serverVersion(FLOOR))).isSameAs(FloorDialect.INSTANCE);
    ChDb.Run run = ChDb.run(List.of("SELECT version() AS version"));
    assertThat(run.failed()).as(run.error()).isFalse();
    assertThat(Dialects.forVersion(run.rows(0).get(0).get("version").asText())).isSameAs(ModernDialect.INSTANCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void floorDdlRunsOn1816AndEveryMeasureReadsBack(AnalyticsStream stream) {
    StreamSchema schema = schema(stream, "floor");
    SampleRows rows = new SampleRows(schema);
    try {
      CLICKHOUSE.execute(FLOOR, new DdlGenerator(FloorDialect.INSTANCE).statements(schema));
      CLICKHOUSE.execute(FLOOR, List.of(rows.insert()));
      for (RollupTable rollup : schema.rollups()) {
        JsonNode merged = CLICKHOUSE.select(FLOOR, rows.mergedQuery(rollup)).get(0);
        JsonNode raw = CLICKHOUSE.select(FLOOR, rows.rawQuery(rollup)).get(0);
        rows.check("18.16", rollup, merged, raw);
      }
    } finally {
      CLICKHOUSE.execute(FLOOR, List.of("DROP DATABASE IF EXISTS `" + schema.database() + "`"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void modernDdlRunsOnChDbAndEveryMeasureReadsBack(AnalyticsStream stream) {
    StreamSchema schema = schema(stream, "modern");
    SampleRows rows = new SampleRows(schema);
    List<String> statements = new ArrayList<>(new DdlGenerator(ModernDialect.INSTANCE).statements(schema));
    int ddl = statements.size();
    statements.add(rows.insert());
    for (RollupTable rollup : schema.rollups()) {
      statements.add(rows.mergedQuery(rollup));
      statements.add(rows.rawQuery(rollup));
    }
    statements.add("SELECT name, create_table_query FROM system.tables WHERE database = "
        + SqlLiterals.string(schema.database()) + " FORMAT JSONEachRow");

    ChDb.Run run = ChDb.run(statements);

    assertThat(run.failed()).as("statement %s failed: %s", run.failedIndex(),
        run.failed() ? statements.get(run.failedIndex()) + "\n" + run.error() : "").isFalse();
    for (int i = 0; i < schema.rollups().size(); i++) {
      JsonNode merged = run.rows(ddl + 1 + 2 * i).get(0);
      JsonNode raw = run.rows(ddl + 2 + 2 * i).get(0);
      rows.check("chDB", schema.rollups().get(i), merged, raw);
    }
    List<JsonNode> tables = run.rows(statements.size() - 1);
    schema.raw().retention().ifPresent(r -> assertThat(createQuery(tables, schema.raw().name()))
        .contains("TTL _time + toIntervalDay(" + r.toDays() + ")"));
    schema.rollups().forEach(rollup -> rollup.retention().ifPresentOrElse(
        r -> assertThat(createQuery(tables, rollup.name())).contains("TTL _bucket + toIntervalDay(" + r.toDays() + ")"),
        () -> assertThat(createQuery(tables, rollup.name())).doesNotContain("TTL")));
    assertThat(createQuery(tables, schema.raw().name())).contains("CODEC(Delta(4), ZSTD(1))");
  }

  /**
   * chDB cannot run a cluster, so the modern dialect's cluster DDL (golden file in ClusterDdlTest) is at least
   * parsed by the modern engine: {@code formatQuery} accepts only statements its parser reads.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void modernClusterDdlParsesOnChDb(AnalyticsStream stream) {
    StreamSchema schema = schema(stream, "modern");
    Topology cluster = Topology.cluster("analytics");
    ChangeDdl change = new ChangeDdl(ModernDialect.INSTANCE, cluster);
    List<String> ddl = new ArrayList<>(new DdlGenerator(ModernDialect.INSTANCE, cluster).statements(schema));
    List<Column> older = schema.raw().columns().subList(0, schema.raw().columns().size() - 1);
    ddl.addAll(change.completeRaw(schema.database(), schema.raw(),
        Map.of(cluster.storage(schema.raw().name()), older, schema.raw().name(), older)));
    ddl.add(change.marker(schema.database(), "x_backfill"));
    ddl.addAll(change.dropTable(schema.database(), schema.rollups().get(0).name()));

    ChDb.Run run = ChDb.run(ddl.stream().map(s -> "SELECT formatQuery(" + SqlLiterals.string(s) + ") AS q").toList());

    assertThat(run.failed()).as("statement %s failed: %s", run.failedIndex(),
        run.failed() ? ddl.get(run.failedIndex()) + "\n" + run.error() : "").isFalse();
    for (int i = 0; i < ddl.size(); i++) {
      assertThat(run.rows(i).get(0).get("q").asText()).as(ddl.get(i)).contains("ON CLUSTER analytics");
    }
  }

  private static String createQuery(List<JsonNode> tables, String name) {
    return tables.stream().filter(t -> t.get("name").asText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no table " + name)).get("create_table_query").asText();
  }

  private static StreamSchema schema(AnalyticsStream stream, String dialect) {
    String database = dialect + "_" + stream.getMetadata().getName().replace('-', '_') + "_"
        + UUID.randomUUID().toString().substring(0, 6);
    return StreamSchemas.of(StreamNames.of(database, stream.getMetadata().getName()), stream.getSpec(), 1);
  }
}
