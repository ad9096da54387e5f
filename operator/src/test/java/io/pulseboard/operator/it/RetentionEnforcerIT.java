package io.pulseboard.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.RawSpec;
import io.pulseboard.operator.clickhouse.ClickHouseConnection;
import io.pulseboard.operator.clickhouse.ClickHouseService;
import io.pulseboard.operator.clickhouse.DdlGenerator;
import io.pulseboard.operator.clickhouse.FloorDialect;
import io.pulseboard.operator.clickhouse.RetentionEnforcer;
import io.pulseboard.operator.clickhouse.StreamSchema;
import io.pulseboard.operator.clickhouse.StreamSchemas;
import io.pulseboard.operator.testing.Examples;
import io.pulseboard.services.SharedServices;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retention on 18.16, which has no TTL: the operator drops what is expired, exactly to the day. */
class RetentionEnforcerIT {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  private final String database = "ret" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final ClickHouseConnection connection =
      new ClickHouseConnection(SharedServices.endpoints().clickhouseHttp(), "default", "");
  private final ClickHouseService clickhouse = new ClickHouseService();

  @AfterEach
  void drop() {
    clickhouse.execute(connection, List.of("DROP DATABASE IF EXISTS `" + database + "`"));
    clickhouse.close();
  }

  @Test
  void expiredDaysAreDroppedAndTheCutOffDayAndLaterAreKept() {
    // raw and 1m keep 7 days (first kept day 2026-11-22), 1h for ever, 1d keeps 10 days (from 2026-11-19)
    AnalyticsStream stream = Examples.quickstartStream();
    RawSpec raw = new RawSpec();
    raw.setRetention("7d");
    stream.getSpec().setRaw(raw);
    stream.getSpec().getRollups().get(0).setRetention("7d");
    stream.getSpec().getRollups().get(2).setRetention("10d");
    StreamSchema schema = StreamSchemas.of(StreamNames.of(database, "checkout"), stream.getSpec(), 1);
    clickhouse.execute(connection, new DdlGenerator(FloorDialect.INSTANCE).statements(schema));
    insert("2026-10-15 08:00:00", "2026-11-05 08:00:00", "2026-11-21 23:59:59", "2026-11-22 00:00:00",
        "2026-11-28 10:00:00");

    List<String> done = new RetentionEnforcer(clickhouse).enforce(connection, schema, NOW);

    assertThat(done).contains("checkout_raw partition 20261121 dropped", "checkout_1m partition 20261121 dropped",
        "checkout_1d partition 202610 dropped", "checkout_1d rows before 2026-11-19 deleted");
    assertThat(times("checkout_raw", "_time"))
        .containsExactly("2026-11-22 00:00:00", "2026-11-28 10:00:00");
    assertThat(times("checkout_1m", "_bucket"))
        .containsExactly("2026-11-22 00:00:00", "2026-11-28 10:00:00");
    assertThat(times("checkout_1h", "_bucket")).hasSize(5);
    // the mutation that trims the partly expired month runs in the background on 18.16
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(times("checkout_1d", "_bucket"))
        .containsExactly("2026-11-21 00:00:00", "2026-11-22 00:00:00", "2026-11-28 00:00:00"));

    assertThat(new RetentionEnforcer(clickhouse).enforce(connection, schema, NOW)).as("nothing left to expire")
        .isEmpty();
  }

  private void insert(String... times) {
    String values = java.util.Arrays.stream(times)
        .map(t -> "('" + t + "', 'de', 'ios', 1.5, 'u1', 10.0, 0, 0, '" + t + "', 1)")
        .collect(Collectors.joining(", "));
    clickhouse.execute(connection, List.of("INSERT INTO `" + database + "`.`checkout_raw` (_time, country, platform,"
        + " amount, user_id, latency_ms, _partition, _offset, _ingested_at, _schema_version) VALUES " + values));
  }

  private List<String> times(String table, String column) {
    return clickhouse.select(connection, "SELECT DISTINCT " + column + " AS t FROM `" + database + "`.`" + table
        + "` ORDER BY t FORMAT JSONEachRow").stream().map(r -> r.get("t").asText()).toList();
  }
}
