package io.pulseboard.query.cache;

import static io.pulseboard.query.TestingPipelines.checkout;
import static io.pulseboard.query.TestingPipelines.filter;
import static io.pulseboard.query.TestingPipelines.panel;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.api.v1alpha1.FilterOp;
import io.pulseboard.api.v1alpha1.FilterSpec;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.api.v1alpha1.VariableSpec;
import io.pulseboard.query.clickhouse.PanelQueryCompiler;
import io.pulseboard.query.panel.BucketRange;
import io.pulseboard.query.panel.DashboardCatalog;
import io.pulseboard.query.panel.PanelResolver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeysTest {
  private static final BucketRange RANGE = new BucketRange(Granularity.MINUTE, 0, 600_000);

  private static String key(StreamContract stream, BucketRange range, List<FilterSpec> filters) {
    var panel = PanelResolver.resolve(panel("revenue", "revenue", List.of("country"), null, filters), Map.of("checkout", stream));
    return CacheKeys.of("shop", "shop-health", new PanelQueryCompiler().compile(panel, range));
  }

  @Test
  void aKeyIsPrefixedHexSha256AndStable() {
    String key = key(checkout(), RANGE, List.of());

    assertThat(key).matches("pb:[0-9a-f]{64}");
    assertThat(key(checkout(), RANGE, List.of())).isEqualTo(key);
  }

  @Test
  void everythingThatChangesTheAnswerChangesTheKey() {
    String key = key(checkout(), RANGE, List.of());
    StreamContract newSchema = new StreamContract("checkout", 4, "shop", "checkout", List.of("1m", "1h", "1d"),
        checkout().dimensions(), checkout().measures());

    assertThat(key(newSchema, RANGE, List.of())).isNotEqualTo(key);
    assertThat(key(checkout(), new BucketRange(Granularity.MINUTE, 60_000, 600_000), List.of())).isNotEqualTo(key);
    assertThat(key(checkout(), new BucketRange(Granularity.MINUTE, 0, 660_000), List.of())).isNotEqualTo(key);
    assertThat(key(checkout(), new BucketRange(Granularity.HOUR, 0, 3_600_000), List.of())).isNotEqualTo(key);
    assertThat(key(checkout(), RANGE, List.of(filter("platform", FilterOp.in, "ios")))).isNotEqualTo(key);
    assertThat(key(checkout(), RANGE, List.of(filter("platform", FilterOp.notIn, "ios"))))
        .isNotEqualTo(key(checkout(), RANGE, List.of(filter("platform", FilterOp.in, "ios"))));
  }

  @Test
  void filterValuesCannotBeShuffledIntoTheSameKey() {
    assertThat(key(checkout(), RANGE, List.of(filter("platform", FilterOp.in, "a,b"))))
        .isNotEqualTo(key(checkout(), RANGE, List.of(filter("platform", FilterOp.in, "a", "b"))));
  }

  @Test
  void variableValuesMeasuresAndLimitsAreInTheKey() {
    QueryPipeline pipeline = new QueryPipeline("shop-health", "shop", "Shop health", 1_000, 3_600_000, 1_000,
        List.of(panel("revenue", "revenue", List.of("country"), null, List.of())), List.of(checkout()),
        List.of(new VariableSpec("country", "country", null), new VariableSpec("tier", "tier", null)), List.of());
    DashboardCatalog catalog = DashboardCatalog.of(pipeline);
    PanelQueryCompiler compiler = new PanelQueryCompiler();
    String all = CacheKeys.of("shop", "shop-health", compiler.compile(catalog.panel("shop-health", "revenue", Map.of()), RANGE));
    String de = CacheKeys.of("shop", "shop-health", compiler.compile(catalog.panel("shop-health", "revenue", Map.of("country", "de")), RANGE));
    String fr = CacheKeys.of("shop", "shop-health", compiler.compile(catalog.panel("shop-health", "revenue", Map.of("country", "fr")), RANGE));
    String deTier = CacheKeys.of("shop", "shop-health",
        compiler.compile(catalog.panel("shop-health", "revenue", Map.of("country", "de", "tier", "1")), RANGE));

    assertThat(List.of(all, de, fr, deTier)).doesNotHaveDuplicates();
    assertThat(CacheKeys.of("shop", "shop-health", compiler.compile(catalog.panel("shop-health", "revenue", Map.of("country", "")), RANGE)))
        .as("an empty value means all").isEqualTo(all);

    var twoMeasures = panel("revenue", null, List.of("country"), null, List.of());
    twoMeasures.setMeasures(List.of("revenue", "events"));
    var limited = panel("revenue", "revenue", List.of("country"), null, List.of());
    limited.setLimit(3);
    assertThat(CacheKeys.of("shop", "shop-health", compiler.compile(PanelResolver.resolve(twoMeasures, Map.of("checkout", checkout())), RANGE)))
        .isNotEqualTo(all);
    assertThat(CacheKeys.of("shop", "shop-health", compiler.compile(PanelResolver.resolve(limited, Map.of("checkout", checkout())), RANGE)))
        .isNotEqualTo(all);
  }
}
