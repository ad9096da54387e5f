package io.pulseboard.query.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The REST body shape of CONTRACT.md, written by Jackson 3 as Spring Boot 4 does. */
class PanelDataJsonTest {
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void panelDataIsWrittenAsTheContractSays() {
    PanelData data = new PanelData("revenue", "1m", 60_000, 180_000, List.of(
        new Series(Map.of("country", "de", "platform", "ios"), List.of(new Point(60_000, 12L), new Point(120_000, 2.5)))));

    assertThat(json.writeValueAsString(data)).isEqualTo(
        "{\"panel\":\"revenue\",\"granularity\":\"1m\",\"from\":60000,\"to\":180000,"
            + "\"series\":[{\"labels\":{\"country\":\"de\",\"platform\":\"ios\"},\"points\":[[60000,12],[120000,2.5]]}]}");
  }

  @Test
  void anUngroupedSeriesHasEmptyLabels() {
    PanelData data = new PanelData("events", "1h", 0, 3_600_000, List.of(new Series(Map.of(), List.of(new Point(0, 7)))));

    assertThat(json.writeValueAsString(data)).contains("\"series\":[{\"labels\":{},\"points\":[[0,7]]}]");
  }

  @Test
  void readsBackWhatItWrites() {
    PanelData data = new PanelData("p99", "1m", 0, 120_000, List.of(
        new Series(Map.of(), List.of(new Point(0, 3L), new Point(60_000, 0.25)))));

    PanelData read = json.readValue(json.writeValueAsString(data), PanelData.class);

    assertThat(read).isEqualTo(data);
    assertThat(read.series().get(0).points().get(0).v()).isInstanceOf(Long.class);
  }

  @Test
  void integralValuesStayIntegers() {
    assertThat(new Point(0, 5).v()).isEqualTo(5L);
    assertThat(new Point(0, new java.math.BigInteger("7")).v()).isEqualTo(7L);
    assertThat(new Point(0, 1.5f).v()).isEqualTo(1.5);
  }
}
