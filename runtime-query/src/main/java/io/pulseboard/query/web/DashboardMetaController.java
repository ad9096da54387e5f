package io.pulseboard.query.web;

import io.pulseboard.query.meta.StreamFreshness;
import io.pulseboard.query.meta.VariableValues;
import io.pulseboard.query.panel.DashboardCatalog;
import io.pulseboard.query.panel.TimeWindow;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the page shows around the panels: the values of a variable and the freshness of the streams. */
@RestController
@RequestMapping("/api/v1/dashboards")
public class DashboardMetaController {
  private final DashboardCatalog catalog;
  private final VariableValues values;
  private final StreamFreshness freshness;
  private final Clock clock;

  public DashboardMetaController(DashboardCatalog catalog, VariableValues values, StreamFreshness freshness, Clock clock) {
    this.catalog = catalog;
    this.values = values;
    this.freshness = freshness;
    this.clock = clock;
  }

  /** Distinct values of the variable's dimension over {@code [from, to)} (default: the dashboard's range), at most 200. */
  @GetMapping("/{name}/variables/{variable}/values")
  public CompletableFuture<VariableValues.Values> values(
      @PathVariable String name,
      @PathVariable String variable,
      @RequestParam(required = false) Long from,
      @RequestParam(required = false) Long to) {
    catalog.requireDashboard(name);
    long end = to == null ? clock.millis() : to;
    long start = from == null ? end - catalog.pipeline().defaultRangeMillis() : from;
    return values.values(variable, new TimeWindow(start, end, null));
  }

  /** Freshness of every stream the dashboard reads. */
  @GetMapping("/{name}/status")
  public CompletableFuture<StreamFreshness.Status> status(@PathVariable String name) {
    catalog.requireDashboard(name);
    return freshness.status();
  }
}
