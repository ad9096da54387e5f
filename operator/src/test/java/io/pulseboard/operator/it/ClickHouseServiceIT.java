package io.pulseboard.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseboard.operator.clickhouse.ClickHouseConnection;
import io.pulseboard.operator.clickhouse.ClickHouseRejectedException;
import io.pulseboard.operator.clickhouse.ClickHouseService;
import io.pulseboard.operator.clickhouse.ClickHouseUnavailableException;
import io.pulseboard.services.SharedServices;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ClickHouse side of the operator against the real 18.16 server. */
class ClickHouseServiceIT {
  private final ClickHouseConnection connection =
      new ClickHouseConnection(SharedServices.endpoints().clickhouseHttp(), "default", "");
  private final ClickHouseService clickhouse = new ClickHouseService();

  @AfterEach
  void close() {
    clickhouse.close();
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
}
