package io.pulseboard.operator.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.RawSpec;
import io.pulseboard.operator.testing.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialectsTest {
  @ParameterizedTest
  @ValueSource(strings = {"23.8.1.1", "23.12.2", "24.3.5.47", "26.7.2.1", "100.1"})
  void serversFrom23Point8GetTheModernDialect(String version) {
    assertThat(Dialects.forVersion(version)).isSameAs(ModernDialect.INSTANCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"18.16.1", "19.17.4.11", "22.8.21.38", "23.7.9", "", "unknown"})
  void olderOrUnreadableVersionsGetTheFloorDialect(String version) {
    assertThat(Dialects.forVersion(version)).isSameAs(FloorDialect.INSTANCE);
  }

  @Test
  void modernRetentionIsATtlInDays() {
    assertThat(ModernDialect.INSTANCE.retention("`_time`", Optional.of(Duration.ofDays(7))))
        .containsExactly("TTL `_time` + INTERVAL 7 DAY");
    assertThat(ModernDialect.INSTANCE.retention("`_time`", Optional.empty())).isEmpty();
    assertThat(FloorDialect.INSTANCE.retention("`_time`", Optional.of(Duration.ofDays(7)))).isEmpty();
  }

  @Test
  void modernColumnsCarryCodecsByType() {
    assertThat(ModernDialect.INSTANCE.column(new Column("_time", "DateTime('UTC')")))
        .isEqualTo("`_time` DateTime('UTC') CODEC(Delta, ZSTD(1))");
    assertThat(ModernDialect.INSTANCE.column(new Column("country", "LowCardinality(String)")))
        .isEqualTo("`country` LowCardinality(String) CODEC(ZSTD(1))");
  }

  @Test
  void quickstartRendersTheModernGoldenDdl() throws IOException {
    StreamSchema schema = quickstartWithRetention();
    String rendered = String.join(";\n\n", new DdlGenerator(ModernDialect.INSTANCE).statements(schema)) + ";\n";

    assertThat(rendered).isEqualTo(Files.readString(Path.of("src/test/resources/golden/quickstart-modern.sql")));
  }

  /** The quickstart stream with the retention ARCHITECTURE.md shows: raw 7d, 1m 30d, 1h 365d, 1d for ever. */
  static StreamSchema quickstartWithRetention() {
    AnalyticsStream stream = Examples.quickstartStream();
    RawSpec raw = new RawSpec();
    raw.setRetention("7d");
    stream.getSpec().setRaw(raw);
    stream.getSpec().getRollups().get(0).setRetention("30d");
    stream.getSpec().getRollups().get(1).setRetention("365d");
    return StreamSchemas.of(StreamNames.of("quickstart", "checkout"), stream.getSpec(), 1);
  }

  @Test
  void rawAndFineRollupsArePartitionedByDayAndTheDailyRollupByMonth() {
    List<String> ddl = new DdlGenerator(FloorDialect.INSTANCE).statements(quickstartWithRetention());

    assertThat(ddl.get(1)).contains("PARTITION BY toYYYYMMDD(`_time`)");
    assertThat(ddl.get(2)).contains("checkout_1m").contains("PARTITION BY toYYYYMMDD(`_bucket`)");
    assertThat(ddl.get(4)).contains("checkout_1h").contains("PARTITION BY toYYYYMMDD(`_bucket`)");
    assertThat(ddl.get(6)).contains("checkout_1d").contains("PARTITION BY toYYYYMM(`_bucket`)");
  }
}
