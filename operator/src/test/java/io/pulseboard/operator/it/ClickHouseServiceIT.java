package io.pulseboard.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.operator.clickhouse.ClickHouseConnection;
import io.pulseboard.operator.clickhouse.ClickHouseRejectedException;
import io.pulseboard.operator.clickhouse.ClickHouseService;
import io.pulseboard.operator.clickhouse.ClickHouseUnavailableException;
import io.pulseboard.operator.clickhouse.DdlGenerator;
import io.pulseboard.operator.clickhouse.SchemaApplier;
import io.pulseboard.operator.clickhouse.StreamSchema;
import io.pulseboard.operator.clickhouse.StreamSchemas;
import io.pulseboard.operator.clickhouse.UnsupportedSchemaChangeException;
import io.pulseboard.operator.testing.Examples;
import io.pulseboard.services.SharedServices;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ClickHouse side of the operator against the real 18.16 server. */
class ClickHouseServiceIT {
  private final String database = "ch" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final ClickHouseConnection connection =
      new ClickHouseConnection(SharedServices.endpoints().clickhouseHttp(), "default", "");
  private final ClickHouseService clickhouse = new ClickHouseService();
  private final SchemaApplier applier = new SchemaApplier(clickhouse);

  @AfterEach
  void close() {
    clickhouse.close();
  }

  @Test
  void theQuickstartSchemaIsCreatedOnceAndThenLeftAlone() {
    StreamSchema schema = quickstartSchema(Examples.quickstartStream());

    assertThat(applier.apply(connection, schema)).startsWith("18.16");
    assertThat(clickhouse.tables(connection, database)).hasSize(7);
    assertThat(clickhouse.columns(connection, database)).containsAllEntriesOf(schema.expectedColumns());

    assertThat(applier.apply(connection, schema)).startsWith("18.16");
    assertThat(clickhouse.tables(connection, database)).hasSize(7);
  }

  @Test
  void aChangedSpecOverExistingTablesIsRefusedWithTheDifferences() {
    applier.apply(connection, quickstartSchema(Examples.quickstartStream()));
    AnalyticsStream changed = Examples.quickstartStream();
    changed.getSpec().getFields().get(0).setName("total");
    changed.getSpec().getMeasures().get(1).setField("total");

    assertThatThrownBy(() -> applier.apply(connection, quickstartSchema(changed)))
        .isInstanceOf(UnsupportedSchemaChangeException.class)
        .hasMessageContaining("checkout_raw: missing column total Float64")
        .hasMessageContaining("checkout_raw: column amount is not in the spec");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x' OR 1=1 --", "system' OR database != '", "\\' OR 1=1 --", "system\\"})
  void injectedDatabaseNamesMatchNothing(String name) {
    assertThat(clickhouse.tables(connection, "system")).isNotEmpty();

    assertThat(clickhouse.tables(connection, name)).isEmpty();
  }

  @Test
  void aStatementTheServerRejectsIsReportedAsRejected() {
    assertThatThrownBy(() -> clickhouse.execute(connection, List.of("CREATE TABLE nowhere.t (x Int8) ENGINE = Nope")))
        .isInstanceOf(ClickHouseRejectedException.class)
        .hasMessageStartingWith("ClickHouse error ");
  }

  @Test
  void aServerThatDoesNotListenIsUnavailable() {
    ClickHouseConnection nowhere = new ClickHouseConnection("http://127.0.0.1:1", "default", "");

    assertThatThrownBy(() -> clickhouse.serverVersion(nowhere))
        .isInstanceOf(ClickHouseUnavailableException.class)
        .hasMessageContaining("http://127.0.0.1:1");
  }

  private StreamSchema quickstartSchema(AnalyticsStream stream) {
    return StreamSchemas.of(StreamNames.of(database, stream.getMetadata().getName()), stream.getSpec(), 1);
  }
}
