package io.pulseboard.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.operator.clickhouse.ClickHouseConnection;
import io.pulseboard.operator.clickhouse.ClickHouseService;
import io.pulseboard.operator.clickhouse.DdlGenerator;
import io.pulseboard.operator.clickhouse.FloorDialect;
import io.pulseboard.operator.clickhouse.RollupConsistency;
import io.pulseboard.operator.clickhouse.StreamSchema;
import io.pulseboard.operator.clickhouse.StreamSchemas;
import io.pulseboard.operator.testing.Examples;
import io.pulseboard.services.SharedServices;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rollup consistency check on 18.16: agreeing rollups pass, one corrupted rollup row is caught. */
class RollupConsistencyIT {
  private static final Instant NOW = Instant.parse("2026-11-29T12:30:00Z");

  private final String database = "cons" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final ClickHouseConnection connection =
      new ClickHouseConnection(SharedServices.endpoints().clickhouseHttp(), "default", "");
  private final ClickHouseService clickhouse = new ClickHouseService();

  @AfterEach
  void drop() {
    clickhouse.execute(connection, List.of("DROP DATABASE IF EXISTS `" + database + "`"));
    clickhouse.close();
  }

  @Test
  void anExtraStateRowInTheHourlyRollupMakesTheRollupsInconsistent() {
    StreamSchema schema = StreamSchemas.of(StreamNames.of(database, "checkout"),
        Examples.quickstartStream().getSpec(), 1);
    clickhouse.execute(connection, new DdlGenerator(FloorDialect.INSTANCE).statements(schema));
    // two rows in the last closed hour (11:00-12:00), two in the last closed day (2026-11-28), one now
    insert("2026-11-29 11:10:00", "2026-11-29 11:40:00", "2026-11-28 05:00:00", "2026-11-28 20:00:00",
        "2026-11-29 12:10:00");
    RollupConsistency consistency = new RollupConsistency(clickhouse);

    RollupConsistency.Report before = consistency.check(connection, schema, NOW);

    assertThat(before.consistent()).as(before.message()).isTrue();
    assertThat(before.message()).contains(
        "last closed hour 2026-11-29T11:00:00Z: events raw 2 / 1m 2 / 1h 2, revenue raw 3 / 1m 3 / 1h 3",
        "last closed day 2026-11-28T00:00:00Z: events 1h 2 / 1d 2, revenue 1h 3 / 1d 3");

    clickhouse.execute(connection, List.of("INSERT INTO `" + database + "`.`checkout_1h`"
        + " SELECT toDateTime('2026-11-29 11:00:00', 'UTC'), 'de', 'ios', countState(), sumState(toFloat64(1.5)),"
        + " uniqHLL12State('u9'), quantilesTDigestState(0.5, 0.9, 0.99)(toFloat64(1)) FROM system.one"));

    RollupConsistency.Report after = consistency.check(connection, schema, NOW);

    assertThat(after.consistent()).isFalse();
    assertThat(after.message()).contains("events raw 2 / 1m 2 / 1h 3, revenue raw 3 / 1m 3 / 1h 4.5");
  }

  private void insert(String... times) {
    String values = Arrays.stream(times)
        .map(t -> "('" + t + "', 'de', 'ios', 1.5, 'u1', 10.0, 0, 0, '" + t + "', 1)")
        .collect(Collectors.joining(", "));
    clickhouse.execute(connection, List.of("INSERT INTO `" + database + "`.`checkout_raw` (_time, country, platform,"
        + " amount, user_id, latency_ms, _partition, _offset, _ingested_at, _schema_version) VALUES " + values));
  }
}
