package io.pulseboard.ingest.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClickHouseRawTableTest {
  @Test
  void readsTheHighestStoredOffsetPerPartition() {
    assertThat(ClickHouseRawTable.maxOffsetsSql("`shop`.`checkout_raw`", List.of(2, 0, 1))).isEqualTo(
        "SELECT `_partition` AS kafka_partition, max(`_offset`) AS max_offset FROM `shop`.`checkout_raw`"
            + " WHERE `_partition` IN (0, 1, 2) GROUP BY `_partition` FORMAT JSONEachRow");
  }
}
