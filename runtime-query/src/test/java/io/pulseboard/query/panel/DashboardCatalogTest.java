package io.pulseboard.query.panel;

import static io.pulseboard.query.TestingPipelines.checkout;
import static io.pulseboard.query.TestingPipelines.dashboard;
import static io.pulseboard.query.TestingPipelines.filter;
import static io.pulseboard.query.TestingPipelines.panel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseboard.api.v1alpha1.FilterOp;
import io.pulseboard.api.v1alpha1.PanelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardCatalogTest {
  private static DashboardCatalog catalogOf(PanelSpec... panels) {
    return DashboardCatalog.of(dashboard(checkout(), 1_000, List.of(panels)));
  }

  @Test
  void resolvesAPanelAgainstItsStream() {
    DashboardCatalog catalog = catalogOf(panel("revenue", "revenue", List.of("country"), null,
        List.of(filter("platform", FilterOp.notIn, "web"))));

    PanelDefinition revenue = catalog.panel("shop-health", "revenue");

    assertThat(revenue.measure().name()).isEqualTo("revenue");
    assertThat(revenue.groupBy()).containsExactly("country");
    assertThat(revenue.filters()).singleElement().satisfies(f -> {
      assertThat(f.dimension()).isEqualTo("platform");
      assertThat(f.op()).isEqualTo(FilterOp.notIn);
      assertThat(f.values()).containsExactly("web");
    });
    assertThat(revenue.quantileIndex()).isNull();
  }

  @Test
  void aQuantilePickIsThePositionOfTheLevel() {
    DashboardCatalog catalog = catalogOf(
        panel("p50", "latency", List.of(), 0.5, List.of()),
        panel("p99", "latency", List.of(), 0.99, List.of()),
        panel("all", "latency", List.of(), null, List.of()));

    assertThat(catalog.panel("shop-health", "p50").quantileIndex()).isEqualTo(1);
    assertThat(catalog.panel("shop-health", "p99").quantileIndex()).isEqualTo(3);
    assertThat(catalog.panel("shop-health", "all").showsAllQuantiles()).isTrue();
  }

  @Test
  void unknownDashboardsAndPanelsAreNotFound() {
    DashboardCatalog catalog = catalogOf(panel("events", "events", List.of(), null, List.of()));

    assertThatThrownBy(() -> catalog.panel("other", "events")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> catalog.panel("shop-health", "nope")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aPanelThatDoesNotResolveIsListedButRefusedWithTheReason() {
    DashboardCatalog catalog = catalogOf(
        panel("ghost", "nope", List.of(), null, List.of()),
        panel("bad-dim", "events", List.of("city"), null, List.of()),
        panel("bad-pick", "latency", List.of(), 0.75, List.of()),
        panel("pick-on-sum", "revenue", List.of(), 0.5, List.of()),
        panel("bad-filter", "events", List.of(), null, List.of(filter("city", FilterOp.in, "x"))));

    assertThat(catalog.specs()).extracting(PanelSpec::getId).containsExactly("ghost", "bad-dim", "bad-pick", "pick-on-sum", "bad-filter");
    assertThat(catalog.problems()).containsOnlyKeys("ghost", "bad-dim", "bad-pick", "pick-on-sum", "bad-filter");
    assertThatThrownBy(() -> catalog.panel("shop-health", "ghost"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("has no measure 'nope'");
    assertThat(catalog.problems().get("bad-dim")).contains("no dimension 'city'");
    assertThat(catalog.problems().get("bad-pick")).contains("no quantile 0.75");
    assertThat(catalog.problems().get("pick-on-sum")).contains("not a quantiles measure");
  }
}
