package io.pulseboard.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.pulseboard.operator.testing.SpecParts.measure;
import static io.pulseboard.operator.testing.SpecParts.quickstartMinuteHour;
import static io.pulseboard.operator.testing.SpecParts.rollup;

import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.AnalyticsStreamSpec;
import io.pulseboard.api.v1alpha1.DimensionSpec;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.operator.clickhouse.ClickHouseConnection;
import io.pulseboard.operator.clickhouse.ClickHouseService;
import io.pulseboard.operator.clickhouse.IngestRollout;
import io.pulseboard.operator.clickhouse.SchemaApplier;
import io.pulseboard.operator.clickhouse.SchemaState;
import io.pulseboard.operator.clickhouse.UnsafeSchemaChangeException;
import io.pulseboard.operator.testing.ClickHouseQueries;
import io.pulseboard.services.SharedServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The schema change state machine step by step against the real 18.16 server, with rows of the old and
 * the new version written the way workers before and after a rollout write them.
 */
class SchemaApplierIT {
  private final String database = "sc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final StreamNames names = StreamNames.of(database, "checkout");
  private final ClickHouseConnection connection =
      new ClickHouseConnection(SharedServices.endpoints().clickhouseHttp(), "default", "");
  private final ClickHouseService clickhouse = new ClickHouseService();
  private final ClickHouseQueries sql = new ClickHouseQueries(SharedServices.endpoints().clickhouseHttp());
  private final SchemaApplier applier = new SchemaApplier(clickhouse);
  private long offset;

  @AfterEach
  void close() {
    clickhouse.close();
  }

  @Test
  void aNewMeasureIsAddedUnderLoadAndBackFilled() {
    AnalyticsStreamSpec spec = quickstartMinuteHour();
    assertThat(applier.apply(connection, names, spec, IngestRollout.none()).appliedVersion()).isEqualTo(1);
    insert(1, 500);

    AnalyticsStreamSpec withMax = quickstartMinuteHour();
    withMax.getMeasures().add(measure("largest", Aggregate.max, "amount"));
    SchemaState started = applier.apply(connection, names, withMax, rolledOut(1));
    assertThat(started.appliedVersion()).isEqualTo(1);
    assertThat(started.ingestVersion()).hasValue(2);
    assertThat(views()).containsExactlyInAnyOrder("checkout_1m_mv_v1", "checkout_1h_mv_v1", "checkout_1m_v2_mv_v2",
        "checkout_1h_v2_mv_v2");
    assertThat(started.rollups()).containsEntry(Granularity.MINUTE, "checkout_1m");
    insert(1, 300); // old workers still write version 1

    // the ConfigMap write was lost (operator crash): the next pass repeats nothing harmful
    assertThat(applier.apply(connection, names, withMax, rolledOut(1)).ingestVersion()).hasValue(2);
    insert(2, 200); // the first new worker
    insert(1, 100); // the last old one flushes
    assertThat(applier.apply(connection, names, withMax, new IngestRollout(OptionalInt.of(2), false)))
        .extracting(SchemaState::appliedVersion, SchemaState::changing).containsExactly(1, true);
    insert(2, 400);

    SchemaState done = applier.apply(connection, names, withMax, rolledOut(2));
    assertThat(done).isEqualTo(steady(2, "checkout_1m_v2", "checkout_1h_v2"));
    assertThat(views()).containsExactlyInAnyOrder("checkout_1m_v2_mv_v2", "checkout_1h_v2_mv_v2");
    insert(2, 100);
    assertThat(applier.apply(connection, names, withMax, rolledOut(2))).isEqualTo(done);

    assertRollupsEqualRaw(done, List.of("country", "platform"), true);
  }

  @Test
  void aNewDimensionJoinsTheSortingKeySoRowsOfDifferentValuesStayApart() {
    applier.apply(connection, names, quickstartMinuteHour(), IngestRollout.none());
    insert(1, 400);

    AnalyticsStreamSpec withDevice = quickstartMinuteHour();
    DimensionSpec device = new DimensionSpec();
    device.setName("device");
    device.setType(FieldType.string);
    withDevice.getDimensions().add(device);
    applier.apply(connection, names, withDevice, rolledOut(1));
    insert(1, 100);
    insertWithDevice(2, 300);
    SchemaState done = applier.apply(connection, names, withDevice, rolledOut(2));
    insertWithDevice(2, 300);
    sql.execute("OPTIMIZE TABLE " + database + ".checkout_1m_v2 FINAL");

    assertThat(done).isEqualTo(steady(2, "checkout_1m_v2", "checkout_1h_v2"));
    assertThat(sql.text("SELECT sorting_key FROM system.tables WHERE database = '" + database
        + "' AND name = 'checkout_1m_v2'")).isEqualTo("_bucket, country, platform, device");
    assertRollupsEqualRaw(done, List.of("country", "platform", "device"), false);
  }

  @Test
  void aNewGranularityIsBackFilledWithEveryMeasureAndARemovedOneStopsBeingFilled() {
    applier.apply(connection, names, quickstartMinuteHour(), IngestRollout.none());
    insert(1, 600);

    AnalyticsStreamSpec withDay = quickstartMinuteHour();
    withDay.getRollups().add(rollup(Granularity.DAY));
    applier.apply(connection, names, withDay, rolledOut(1));
    assertThat(sql.text("EXISTS TABLE " + database + ".checkout_1d_v2_backfill")).isEqualTo("1");
    insert(1, 100);
    insert(2, 200);
    SchemaState done = applier.apply(connection, names, withDay, rolledOut(2));
    assertThat(sql.text("EXISTS TABLE " + database + ".checkout_1d_v2_backfill")).isEqualTo("0");
    assertThat(done).isEqualTo(steady(2, "checkout_1m", "checkout_1h", "checkout_1d_v2"));
    assertRollupsEqualRaw(done, List.of("country", "platform"), false);

    AnalyticsStreamSpec withoutHour = quickstartMinuteHour();
    withoutHour.setRollups(new ArrayList<>(List.of(rollup(Granularity.MINUTE), rollup(Granularity.DAY))));
    applier.apply(connection, names, withoutHour, rolledOut(2));
    applier.apply(connection, names, withoutHour, rolledOut(3));
    assertThat(views()).containsExactlyInAnyOrder("checkout_1m_mv_v3", "checkout_1d_v2_mv_v3");
    assertThat(sql.text("EXISTS TABLE " + database + ".checkout_1h")).isEqualTo("1");
  }

  @Test
  void aChangeThatNeedsDestructiveDdlRunsNothing() {
    applier.apply(connection, names, quickstartMinuteHour(), IngestRollout.none());
    insert(1, 50);
    String before = catalogue();

    AnalyticsStreamSpec retyped = quickstartMinuteHour();
    retyped.getFields().stream().filter(f -> f.getName().equals("latency_ms")).findFirst().orElseThrow()
        .setType(FieldType.int64);
    retyped.getMeasures().add(measure("largest", Aggregate.max, "amount"));
    assertThatThrownBy(() -> applier.apply(connection, names, retyped, rolledOut(1)))
        .isInstanceOf(UnsafeSchemaChangeException.class)
        .hasMessageContaining("checkout_raw: column latency_ms is Float64, the spec asks for Int64");

    AnalyticsStreamSpec withoutPlatform = quickstartMinuteHour();
    withoutPlatform.getDimensions().removeIf(d -> d.getName().equals("platform"));
    assertThatThrownBy(() -> applier.apply(connection, names, withoutPlatform, rolledOut(1)))
        .isInstanceOf(UnsafeSchemaChangeException.class)
        .hasMessageContaining("checkout_raw: column platform is not in the spec");

    assertThat(catalogue()).isEqualTo(before);
  }

  private void assertRollupsEqualRaw(SchemaState state, List<String> dimensions, boolean withLargest) {
    String dims = String.join(", ", dimensions);
    state.rollups().forEach((granularity, table) -> {
      String bucket = switch (granularity) {
        case MINUTE -> "toStartOfMinute";
        case HOUR -> "toStartOfHour";
        case DAY -> "toStartOfDay";
      };
      String rollup = sql.text("SELECT _bucket, " + dims + ", countMerge(events), sumMerge(revenue)"
          + (withLargest ? ", maxMerge(largest)" : "") + " FROM " + database + "." + table
          + " GROUP BY _bucket, " + dims + " ORDER BY _bucket, " + dims);
      String raw = sql.text("SELECT " + bucket + "(_time) AS b, " + dims + ", count(), sum(amount)"
          + (withLargest ? ", max(amount)" : "") + " FROM " + database + ".checkout_raw GROUP BY b, " + dims
          + " ORDER BY b, " + dims);
      assertThat(rollup).as(table).isEqualTo(raw).isNotEmpty();
    });
  }

  private void insert(int version, int rows) {
    sql.execute("INSERT INTO " + database + ".checkout_raw (_time, country, platform, amount, user_id, latency_ms,"
        + " _partition, _offset, _ingested_at, _schema_version) SELECT toDateTime('2026-11-29 10:00:00', 'UTC')"
        + " + (number * 37) % 7200, ['de', 'fr', 'us'][number % 3 + 1], ['ios', 'web'][number % 2 + 1],"
        + " toFloat64((number * 13) % 100), toString(number % 50), 1.5, 0, " + offset + " + number, now(), "
        + version + " FROM numbers(" + rows + ")");
    offset += rows;
  }

  private void insertWithDevice(int version, int rows) {
    sql.execute("INSERT INTO " + database + ".checkout_raw (_time, country, platform, device, amount, user_id,"
        + " latency_ms, _partition, _offset, _ingested_at, _schema_version) SELECT toDateTime('2026-11-29 10:00:00',"
        + " 'UTC') + (number * 37) % 7200, ['de', 'fr', 'us'][number % 3 + 1], ['ios', 'web'][number % 2 + 1],"
        + " ['phone', 'tablet'][number % 2 + 1], toFloat64((number * 13) % 100), toString(number % 50), 1.5, 0, "
        + offset + " + number, now(), " + version + " FROM numbers(" + rows + ")");
    offset += rows;
  }

  private List<String> views() {
    return List.of(sql.text("SELECT name FROM system.tables WHERE database = '" + database
        + "' AND engine = 'MaterializedView' ORDER BY name").split("\n"));
  }

  private String catalogue() {
    return sql.text("SELECT table, name, type FROM system.columns WHERE database = '" + database
        + "' ORDER BY table, name") + sql.text("SELECT name, sorting_key FROM system.tables WHERE database = '"
        + database + "' ORDER BY name");
  }

  private static SchemaState steady(int version, String minute, String hour) {
    return new SchemaState("18.16.1", version, OptionalInt.of(version),
        Map.of(Granularity.MINUTE, minute, Granularity.HOUR, hour), null);
  }

  private static SchemaState steady(int version, String minute, String hour, String day) {
    return new SchemaState("18.16.1", version, OptionalInt.of(version),
        Map.of(Granularity.MINUTE, minute, Granularity.HOUR, hour, Granularity.DAY, day), null);
  }

  private static IngestRollout rolledOut(int version) {
    return new IngestRollout(OptionalInt.of(version), true);
  }
}
