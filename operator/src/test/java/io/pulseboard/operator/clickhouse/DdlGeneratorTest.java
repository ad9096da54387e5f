package io.pulseboard.operator.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.AnalyticsStreamSpec;
import io.pulseboard.api.v1alpha1.DimensionSpec;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.api.v1alpha1.RollupSpec;
import io.pulseboard.operator.testing.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DdlGeneratorTest {
  private final DdlGenerator generator = new DdlGenerator(FloorDialect.INSTANCE);

  @Test
  void quickstartStreamRendersTheGoldenDdl() throws IOException {
    String expected = Files.readString(Path.of("src/test/resources/golden/quickstart.sql"));

    assertThat(render(Examples.quickstartStream())).isEqualTo(expected);
  }

  @Test
  void everyStatementCanBeAppliedAgain() {
    List<String> statements = statements(Examples.quickstartStream());

    assertThat(statements).hasSize(8).allSatisfy(s -> assertThat(s).containsPattern("^CREATE .*IF NOT EXISTS"));
  }

  @Test
  void everyViewReadsTheRawTable() {
    List<String> views = statements(Examples.quickstartStream()).stream()
        .filter(s -> s.startsWith("CREATE MATERIALIZED VIEW"))
        .toList();

    assertThat(views).hasSize(3).allSatisfy(v -> assertThat(v).contains("FROM `quickstart`.`checkout_raw`"));
  }

  @Test
  void rollupsDefaultToMinuteHourAndDay() {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getSpec().setRollups(null);

    assertThat(StreamSchemas.granularities(stream.getSpec()))
        .containsExactly(Granularity.MINUTE, Granularity.HOUR, Granularity.DAY);
    assertThat(String.join("\n", statements(stream)))
        .contains("`quickstart`.`checkout_1m`", "`quickstart`.`checkout_1h`", "`quickstart`.`checkout_1d`");
  }

  @Test
  void onlyTheDeclaredRollupsAreCreated() {
    AnalyticsStream stream = Examples.quickstartStream();
    RollupSpec hour = new RollupSpec();
    hour.setGranularity(Granularity.HOUR);
    stream.getSpec().setRollups(List.of(hour));

    List<String> statements = statements(stream);

    assertThat(statements).hasSize(4);
    assertThat(String.join("\n", statements)).contains("checkout_1h_mv").doesNotContain("checkout_1m", "checkout_1d");
  }

  @Test
  void aStreamWithoutDimensionsIsOrderedByTimeAndBucketOnly() {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getSpec().setDimensions(List.of());

    List<String> statements = statements(stream);

    assertThat(statements.get(1)).endsWith("ORDER BY (`_time`)");
    assertThat(statements.get(2)).endsWith("ORDER BY (`_bucket`)");
    assertThat(statements.get(3)).endsWith("GROUP BY `_bucket`");
  }

  @Test
  void lowCardinalityIsOnlyUsedWhereDeclared() {
    AnalyticsStream stream = Examples.quickstartStream();
    DimensionSpec platform = stream.getSpec().getDimensions().get(1);
    platform.setLowCardinality(false);

    String raw = statements(stream).get(1);

    assertThat(raw).contains("`country` LowCardinality(String)", "`platform` String,");
  }

  private List<String> statements(AnalyticsStream stream) {
    AnalyticsStreamSpec spec = stream.getSpec();
    StreamNames names = StreamNames.of(spec.getClickhouse().getDatabase(), stream.getMetadata().getName());
    return generator.statements(StreamSchemas.of(names, spec, 1));
  }

  private String render(AnalyticsStream stream) {
    return String.join(";\n\n", statements(stream)) + ";\n";
  }
}
