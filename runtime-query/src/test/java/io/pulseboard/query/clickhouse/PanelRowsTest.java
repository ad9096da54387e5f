package io.pulseboard.query.clickhouse;

import static io.pulseboard.query.TestingPipelines.checkout;
import static io.pulseboard.query.TestingPipelines.panel;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.api.v1alpha1.PanelSpec;
import io.pulseboard.query.panel.BucketRange;
import io.pulseboard.query.panel.PanelData;
import io.pulseboard.query.panel.PanelResolver;
import io.pulseboard.query.panel.Point;
import io.pulseboard.query.panel.Series;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PanelRowsTest {
  private static final BucketRange RANGE = new BucketRange(Granularity.MINUTE, 60_000, 240_000);
  private static final JsonMapper JSON = JsonMapper.shared();

  private static PanelQuery query(String measure, List<String> groupBy, Double quantile) {
    return new PanelQuery(PanelResolver.resolve(panel("p", measure, groupBy, quantile, List.of()), Map.of("checkout", checkout())), RANGE, "");
  }

  private static List<JsonNode> rows(String... lines) {
    return Stream.of(lines).map(JSON::readTree).toList();
  }

  @Test
  void rowsAreGroupedIntoSeriesByLabels() {
    PanelData data = PanelRows.toPanelData(query("revenue", List.of("country"), null), rows(
        "{\"_t\":60,\"country\":\"de\",\"_v\":1.5}",
        "{\"_t\":60,\"country\":\"fr\",\"_v\":2}",
        "{\"_t\":120,\"country\":\"de\",\"_v\":3.25}"));

    assertThat(data.panel()).isEqualTo("p");
    assertThat(data.granularity()).isEqualTo("1m");
    assertThat(data.from()).isEqualTo(60_000);
    assertThat(data.to()).isEqualTo(240_000);
    assertThat(data.series()).containsExactly(
        new Series(Map.of("country", "de"), "revenue", List.of(new Point(60_000, 1.5), new Point(120_000, 3.25))),
        new Series(Map.of("country", "fr"), "revenue", List.of(new Point(60_000, 2L))));
  }

  @Test
  void quoted64BitIntegersAreNumbersAndNullsAreGaps() {
    PanelData data = PanelRows.toPanelData(query("events", List.of(), null), rows(
        "{\"_t\":60,\"_v\":\"18446744\"}",
        "{\"_t\":120,\"_v\":null}"));

    assertThat(data.series()).containsExactly(new Series(Map.of(), "events", List.of(new Point(60_000, 18_446_744L))));
  }

  @Test
  void allLevelsOfAQuantilesMeasureBecomeOneSeriesEach() {
    PanelData data = PanelRows.toPanelData(query("latency", List.of(), null), rows("{\"_t\":60,\"_v\":[10,20.5,30]}"));

    assertThat(data.series()).containsExactly(
        new Series(Map.of("quantile", "0.5"), "latency", List.of(new Point(60_000, 10L))),
        new Series(Map.of("quantile", "0.9"), "latency", List.of(new Point(60_000, 20.5))),
        new Series(Map.of("quantile", "0.99"), "latency", List.of(new Point(60_000, 30L))));
  }

  @Test
  void aMultiMeasurePanelHasOneSeriesPerMeasureAndGroup() {
    PanelSpec spec = panel("p", null, List.of("country"), 0.99, List.of());
    spec.setMeasures(List.of("events", "latency"));
    PanelQuery query = new PanelQuery(PanelResolver.resolve(spec, Map.of("checkout", checkout())), RANGE, "");

    PanelData data = PanelRows.toPanelData(query, rows(
        "{\"_t\":60,\"country\":\"de\",\"_v\":\"4\",\"_v1\":80.5}",
        "{\"_t\":60,\"country\":\"fr\",\"_v\":\"2\",\"_v1\":95}"));

    assertThat(data.series()).containsExactlyInAnyOrder(
        new Series(Map.of("country", "de"), "events", List.of(new Point(60_000, 4L))),
        new Series(Map.of("country", "fr"), "events", List.of(new Point(60_000, 2L))),
        new Series(Map.of("country", "de"), "latency", List.of(new Point(60_000, 80.5))),
        new Series(Map.of("country", "fr"), "latency", List.of(new Point(60_000, 95L))));
  }

  @Test
  void groupsBeyondTheLimitFoldIntoOtherForAdditiveMeasuresAndAreDroppedForOthers() {
    PanelSpec spec = panel("p", null, List.of("country"), null, List.of());
    spec.setMeasures(List.of("revenue", "buyers"));
    spec.setLimit(2);
    PanelQuery query = new PanelQuery(PanelResolver.resolve(spec, Map.of("checkout", checkout())), RANGE, "");

    // revenue totals: de 10, fr 7, it 3, es 1 -> de and fr shown, it + es folded
    PanelData data = PanelRows.toPanelData(query, rows(
        "{\"_t\":60,\"country\":\"de\",\"_v\":6,\"_v1\":\"3\"}",
        "{\"_t\":120,\"country\":\"de\",\"_v\":4,\"_v1\":\"2\"}",
        "{\"_t\":60,\"country\":\"fr\",\"_v\":7,\"_v1\":\"5\"}",
        "{\"_t\":60,\"country\":\"it\",\"_v\":2.5,\"_v1\":\"9\"}",
        "{\"_t\":120,\"country\":\"it\",\"_v\":0.5,\"_v1\":\"1\"}",
        "{\"_t\":60,\"country\":\"es\",\"_v\":1,\"_v1\":\"1\"}"));

    assertThat(data.series()).containsExactlyInAnyOrder(
        new Series(Map.of("country", "de"), "revenue", List.of(new Point(60_000, 6L), new Point(120_000, 4L))),
        new Series(Map.of("country", "fr"), "revenue", List.of(new Point(60_000, 7L))),
        new Series(Map.of("country", "__other__"), "revenue", List.of(new Point(60_000, 3.5), new Point(120_000, 0.5)), true),
        new Series(Map.of("country", "de"), "buyers", List.of(new Point(60_000, 3L), new Point(120_000, 2L))),
        new Series(Map.of("country", "fr"), "buyers", List.of(new Point(60_000, 5L))));
  }

  @Test
  void noRowsIsNoSeries() {
    assertThat(PanelRows.toPanelData(query("events", List.of(), null), List.of()).series()).isEmpty();
  }
}
