package io.pulseboard.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.query.TestingPipelines;
import io.pulseboard.query.live.LiveSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryServicePropertiesTest {
  @Test
  void secretsNeverAppearInToString() {
    QueryServiceProperties properties = new QueryServiceProperties(Path.of("/etc/pulseboard"),
        new QueryServiceProperties.ClickHouse("https://ch-user:ch-secret@clickhouse:8443", "analytics", "hunter2", Duration.ofSeconds(30), 8),
        "redis://:redis-secret@redis:6379/0",
        new QueryServiceProperties.Cache(Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofMillis(250), Duration.ofSeconds(10),
            org.springframework.util.unit.DataSize.ofMegabytes(64)),
        new LiveSettings(null, 0, null, 0), "token-secret", java.util.List.of());

    String text = properties.toString();

    assertThat(text).doesNotContain("hunter2", "redis-secret", "ch-secret", "token-secret")
        .contains("user=analytics", "redis:6379", "clickhouse:8443", "<redacted>");
  }

  @Test
  void loadsTheCatalogFromQueryJson(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("query.json"), PipelineJson.write(TestingPipelines.dashboard()));

    assertThat(CatalogLoader.load(dir).name()).isEqualTo("shop-health");
  }

  @Test
  void aMissingOrBrokenConfigurationStopsTheStart(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> CatalogLoader.load(dir)).hasMessageContaining("no dashboard configuration at");

    Files.writeString(dir.resolve("query.json"), "{\"dashboard\": ");
    assertThatThrownBy(() -> CatalogLoader.load(dir)).hasMessageContaining("cannot read the dashboard configuration");
  }
}
