package io.pulseboard.ingest.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.ingest.TestingPipelines;
import io.pulseboard.ingest.schema.ParsedEvent;
import org.junit.jupiter.api.Test;

class RowEncoderTest {
  @Test
  void writesTimeThenColumnsInPipelineOrderThenBookkeeping() {
    RowBinaryBuffer out = new RowBinaryBuffer(64);
    ParsedEvent event = new ParsedEvent(1_714_564_800_999L, new Object[] {"de", "", 1.5d, -2L, true, 1L});

    new RowEncoder(TestingPipelines.ALL_TYPES, 3).encode(event, 2, 258L, 1_714_564_801L, out);

    assertThat(out.toByteArray()).containsExactly(
        0xC0, 0x2E, 0x32, 0x66,                                 // _time: seconds, rounded down
        0x02, 'd', 'e',                                         // country
        0x00,                                                   // platform ""
        0, 0, 0, 0, 0, 0, 0xF8, 0x3F,                           // amount 1.5
        0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,         // qty -2
        0x01,                                                   // vip
        0x01, 0, 0, 0,                                          // shipped_at 1 s
        0x02, 0, 0, 0,                                          // _partition
        0x02, 0x01, 0, 0, 0, 0, 0, 0,                           // _offset 258
        0xC1, 0x2E, 0x32, 0x66,                                 // _ingested_at
        0x03, 0, 0, 0);                                         // _schema_version 3
  }

  @Test
  void columnListMatchesTheEncodingOrder() {
    assertThat(RawColumns.quoted(TestingPipelines.ALL_TYPES)).containsExactly(
        "`_time`", "`country`", "`platform`", "`amount`", "`qty`", "`vip`", "`shipped_at`",
        "`_partition`", "`_offset`", "`_ingested_at`", "`_schema_version`");
  }
}
