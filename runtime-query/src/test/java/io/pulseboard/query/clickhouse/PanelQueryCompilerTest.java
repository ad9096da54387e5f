package io.pulseboard.query.clickhouse;

import static io.pulseboard.query.TestingPipelines.checkout;
import static io.pulseboard.query.TestingPipelines.filter;
import static io.pulseboard.query.TestingPipelines.panel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseboard.api.v1alpha1.FilterOp;
import io.pulseboard.api.v1alpha1.FilterSpec;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.query.panel.BucketRange;
import io.pulseboard.query.panel.PanelDefinition;
import io.pulseboard.query.panel.PanelResolver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PanelQueryCompilerTest {
  private static final BucketRange HOURS = new BucketRange(Granularity.HOUR, 1_699_999_200_000L, 1_700_006_400_000L);
  private final PanelQueryCompiler compiler = new PanelQueryCompiler();

  private static PanelDefinition define(String measure, List<String> groupBy, Double quantile, List<FilterSpec> filters) {
    return PanelResolver.resolve(panel("p", measure, groupBy, quantile, filters), Map.of("checkout", checkout()));
  }

  @Test
  void anUngroupedCountReadsTheRollupOfTheRange() {
    String sql = compiler.compile(define("events", List.of(), null, List.of()), HOURS).sql();

    assertThat(sql).isEqualTo("SELECT toUInt32(`_bucket`) AS _t, countMerge(`events`) AS _v FROM `shop`.`checkout_1h`"
        + " WHERE `_bucket` >= toDateTime(1699999200) AND `_bucket` < toDateTime(1700006400)"
        + " GROUP BY _t ORDER BY _t FORMAT JSONEachRow");
  }

  @Test
  void eachGranularityHasItsTable() {
    PanelDefinition events = define("events", List.of(), null, List.of());

    assertThat(compiler.compile(events, BucketRange.covering(Granularity.MINUTE, 0, 60_000)).sql()).contains("FROM `shop`.`checkout_1m`");
    assertThat(compiler.compile(events, BucketRange.covering(Granularity.DAY, 0, 60_000)).sql())
        .contains("FROM `shop`.`checkout_1d`")
        .contains("`_bucket` >= toDateTime(0) AND `_bucket` < toDateTime(86400)");
  }

  @Test
  void groupByAndFiltersAreQuotedAndTyped() {
    String sql = compiler.compile(define("revenue", List.of("country", "platform"), null, List.of(
        filter("platform", FilterOp.in, "ios", "android"),
        filter("tier", FilterOp.notIn, "3"))), HOURS).sql();

    assertThat(sql).isEqualTo("SELECT toUInt32(`_bucket`) AS _t, `country`, `platform`, sumMerge(`revenue`) AS _v"
        + " FROM `shop`.`checkout_1h` WHERE `_bucket` >= toDateTime(1699999200) AND `_bucket` < toDateTime(1700006400)"
        + " AND `platform` IN ('ios', 'android') AND `tier` NOT IN (3)"
        + " GROUP BY _t, `country`, `platform` ORDER BY _t FORMAT JSONEachRow");
  }

  @Test
  void aQuantilePickIndexesTheLevelsArray() {
    String sql = compiler.compile(define("latency", List.of(), 0.9, List.of()), HOURS).sql();

    assertThat(sql).contains("arrayElement(quantilesTDigestMerge(0.5, 0.9, 0.99)(`latency`), 2) AS _v");
  }

  @Test
  void withoutAPickAllLevelsAreRead() {
    String sql = compiler.compile(define("latency", List.of(), null, List.of()), HOURS).sql();

    assertThat(sql).contains("quantilesTDigestMerge(0.5, 0.9, 0.99)(`latency`) AS _v");
  }

  @Test
  void uniqReadsTheHllState() {
    assertThat(compiler.compile(define("buyers", List.of(), null, List.of()), HOURS).sql()).contains("uniqHLL12Merge(`buyers`) AS _v");
  }

  @Test
  void anInjectionInAFilterValueStaysInsideItsLiteral() {
    String sql = compiler.compile(define("events", List.of(), null, List.of(
        filter("platform", FilterOp.in, "ios') OR 1=1 --"))), HOURS).sql();

    assertThat(sql).contains("AND `platform` IN ('ios\\') OR 1=1 --') GROUP BY _t");
  }

  @Test
  void aValueOfTheWrongTypeIsABadRequest() {
    PanelDefinition panel = define("events", List.of(), null, List.of(filter("tier", FilterOp.in, "1 OR 1=1")));

    assertThatThrownBy(() -> compiler.compile(panel, HOURS)).isInstanceOf(InvalidLiteralException.class);
  }
}
