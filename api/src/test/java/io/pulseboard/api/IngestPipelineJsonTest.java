package io.pulseboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.pipeline.PipelineJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestPipelineJsonTest {
  private static final IngestPipeline SINGLE_SERVER = new IngestPipeline("checkout", "shop", 1, "kafka:9092",
      "shop.checkout", "shop.checkout.dlq", "pulseboard.shop.checkout", "earliest", "shop", "checkout_raw", "ts",
      3_600_000, List.of(), 1000, 1 << 20, 500);

  @Test
  void aClusterPipelineCarriesItsClickHouseSettingsThroughJson() {
    IngestPipeline cluster = new IngestPipeline("checkout", "shop", 1, "kafka:9092", "shop.checkout",
        "shop.checkout.dlq", "pulseboard.shop.checkout", "earliest", "shop", "checkout_raw", "ts", 3_600_000,
        List.of(), 1000, 1 << 20, 500, Map.of("insert_distributed_sync", "1"));

    IngestPipeline read = PipelineJson.read(PipelineJson.write(cluster), IngestPipeline.class);

    assertThat(read).isEqualTo(cluster);
    assertThat(read.clickhouseSettings()).containsExactly(Map.entry("insert_distributed_sync", "1"));
  }

  @Test
  void aFileWrittenBeforeTheSettingsExistedReadsAsASingleServerPipeline() {
    String older = PipelineJson.write(SINGLE_SERVER).replaceAll(",\\s*\"clickhouseSettings\"\\s*:\\s*\\{\\s*}", "");

    assertThat(older).doesNotContain("clickhouseSettings");
    assertThat(PipelineJson.read(older, IngestPipeline.class)).isEqualTo(SINGLE_SERVER);
    assertThat(SINGLE_SERVER.clickhouseSettings()).isEmpty();
  }
}
