package io.pulseboard.operator.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClickHouseConnectionTest {

  @Test
  void toStringHidesThePassword() {
    ClickHouseConnection connection = new ClickHouseConnection("http://ch:8123", "alice", "s3cret");

    assertThat(connection.toString()).contains("http://ch:8123", "alice").doesNotContain("s3cret");
  }
}
