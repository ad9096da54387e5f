package io.pulseboard.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.ingest.TestingPipelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestConfigTest {
  @TempDir Path dir;

  @Test
  void readsThePipelineFileAndTheConnectionFromTheEnvironment() throws IOException {
    Files.writeString(dir.resolve("ingest.json"), PipelineJson.write(TestingPipelines.allTypes()));

    IngestConfig config = IngestConfig.fromEnvironment(Map.of(
        "PULSEBOARD_CONFIG_DIR", dir.toString(),
        "CLICKHOUSE_URL", "http://clickhouse:8123",
        "CLICKHOUSE_PASSWORD", "s3cret",
        "PULSEBOARD_HTTP_PORT", "9090",
        "PULSEBOARD_INSTANCE_ID", "orders-ingest-7d9f-x2"));

    assertThat(config.pipeline()).isEqualTo(TestingPipelines.allTypes());
    assertThat(config.clickhouseUser()).isEqualTo("default");
    assertThat(config.clickhousePassword()).isEqualTo("s3cret");
    assertThat(config.httpPort()).isEqualTo(9090);
    assertThat(config.httpHost()).isEqualTo("0.0.0.0");
    assertThat(config.instanceId()).isEqualTo("orders-ingest-7d9f-x2");
  }

  @Test
  void defaultsThePortTo8080() throws IOException {
    Files.writeString(dir.resolve("ingest.json"), PipelineJson.write(TestingPipelines.allTypes()));

    IngestConfig config = IngestConfig.fromEnvironment(Map.of("PULSEBOARD_CONFIG_DIR", dir.toString(), "CLICKHOUSE_URL", "http://c:8123"));

    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.instanceId()).as("a dynamic group member").isNull();
  }

  @Test
  void neverPrintsThePassword() {
    IngestConfig config = new IngestConfig(TestingPipelines.allTypes(), "http://c:8123", "ingest", "s3cret", "127.0.0.1", 0);

    assertThat(config.toString()).doesNotContain("s3cret").contains("clickhousePassword=<redacted>").contains("shop.checkout");
  }

  @Test
  void explainsAMissingPipelineFile() {
    assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("PULSEBOARD_CONFIG_DIR", dir.toString())))
        .hasMessageContaining("ingest.json does not exist").hasMessageContaining("PULSEBOARD_CONFIG_DIR");
  }

  @Test
  void listsEveryProblemAtOnce() {
    IngestPipeline bad = new IngestPipeline("s", "ns", 1, "", "t", "t", "g", "newest", "Shop", "raw; DROP", "ts", 0,
        List.of(new ColumnSpec("a", FieldType.string, "a..b", false, true), new ColumnSpec("a", FieldType.int64, "x", false, false)),
        0, 0, 0, Map.of("insert_distributed_sync", "1", "x&readonly", "1"));

    assertThatThrownBy(() -> new IngestConfig(bad, "clickhouse:8123", null, null, null, 70000))
        .hasMessageContaining("CLICKHOUSE_URL must be an http:// or https:// URL")
        .hasMessageContaining("PULSEBOARD_HTTP_PORT must be a port number")
        .hasMessageContaining("bootstrapServers is missing")
        .hasMessageContaining("deadLetterTopic must differ from topic")
        .hasMessageContaining("database 'Shop'")
        .hasMessageContaining("rawTable 'raw; DROP'")
        .hasMessageContaining("startFrom must be earliest or latest")
        .hasMessageContaining("latenessMillis must be positive")
        .hasMessageContaining("maxBatchRows must be positive")
        .hasMessageContaining("column a has an invalid path 'a..b'")
        .hasMessageContaining("column a appears twice")
        .hasMessageContaining("clickhouseSettings has an invalid entry 'x&readonly'")
        .message().doesNotContain("insert_distributed_sync");
  }
}
