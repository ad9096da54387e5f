package io.pulseboard.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.operator.clickhouse.ChangeDdl;
import io.pulseboard.operator.clickhouse.ClickHouseConnection;
import io.pulseboard.operator.clickhouse.ClickHouseService;
import io.pulseboard.operator.clickhouse.DdlGenerator;
import io.pulseboard.operator.clickhouse.FloorDialect;
import io.pulseboard.operator.clickhouse.RollupTable;
import io.pulseboard.operator.clickhouse.StreamDropper;
import io.pulseboard.operator.clickhouse.StreamSchemas;
import io.pulseboard.operator.testing.Examples;
import io.pulseboard.services.SharedServices;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dropping a stream on 18.16: views before tables, and nothing of another stream. */
class StreamDropperIT {
  private final String database = "drop" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final ClickHouseConnection connection =
      new ClickHouseConnection(SharedServices.endpoints().clickhouseHttp(), "default", "");
  private final ClickHouseService clickhouse = new ClickHouseService();

  @AfterEach
  void close() {
    clickhouse.execute(connection, List.of("DROP DATABASE IF EXISTS `" + database + "`"));
    clickhouse.close();
  }

  @Test
  void viewsOfEverySchemaVersionGoFirstThenRollupsThenRaw() {
    var spec = Examples.quickstartStream().getSpec();
    clickhouse.execute(connection, new DdlGenerator(FloorDialect.INSTANCE)
        .statements(StreamSchemas.of(StreamNames.of(database, "checkout"), spec, 1)));
    // a second schema version's view, as a schema change leaves until the old one is dropped
    clickhouse.execute(connection, new DdlGenerator(FloorDialect.INSTANCE)
        .statements(StreamSchemas.of(StreamNames.of(database, "checkout"), spec, 2)));
    clickhouse.execute(connection, new DdlGenerator(FloorDialect.INSTANCE)
        .statements(StreamSchemas.of(StreamNames.of(database, "checkout_eu"), spec, 1)));

    List<String> dropped = new StreamDropper(clickhouse).drop(connection, StreamNames.of(database, "checkout"));

    assertThat(dropped).containsExactly("checkout_1m_mv_v1", "checkout_1m_mv_v2", "checkout_1h_mv_v1",
        "checkout_1h_mv_v2", "checkout_1d_mv_v1", "checkout_1d_mv_v2", "checkout_1m", "checkout_1h", "checkout_1d",
        "checkout_raw");
    assertThat(clickhouse.tables(connection, database)).allMatch(t -> t.startsWith("checkout_eu_")).hasSize(7);
  }

  @Test
  void rollupGenerationsOfSchemaChangesAndTheirMarkersGoToo() {
    var spec = Examples.quickstartStream().getSpec();
    StreamNames names = StreamNames.of(database, "checkout");
    DdlGenerator ddl = new DdlGenerator(FloorDialect.INSTANCE);
    ChangeDdl change = new ChangeDdl(FloorDialect.INSTANCE);
    clickhouse.execute(connection, ddl.statements(StreamSchemas.of(names, spec, 1)));
    // what a schema change to version 2 leaves while it waits for the rollout: a marked generation and its view
    RollupTable first = StreamSchemas.of(names, spec, 2).rollups().get(0);
    RollupTable generation = new RollupTable(first.granularity(), "checkout_1m_v2", "checkout_1m_v2_mv_v2",
        first.dimensions(), first.measures(), first.retention());
    List<String> statements = new ArrayList<>();
    statements.add(change.marker(database, "checkout_1m_v2_backfill"));
    statements.addAll(change.rollupTable(database, generation));
    statements.add(change.view(database, 2, StreamSchemas.of(names, spec, 2).raw(), generation));
    clickhouse.execute(connection, statements);

    List<String> dropped = new StreamDropper(clickhouse).drop(connection, names);

    // every view and marker before any table
    assertThat(dropped).containsSubsequence("checkout_1m_mv_v1", "checkout_1m_v2_mv_v2", "checkout_1m_v2_backfill",
        "checkout_1d_mv_v1", "checkout_1m", "checkout_1m_v2", "checkout_1d").endsWith("checkout_raw");
    assertThat(clickhouse.tables(connection, database)).isEmpty();
  }
}
