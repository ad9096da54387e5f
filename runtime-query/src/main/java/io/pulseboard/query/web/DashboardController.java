package io.pulseboard.query.web;

import io.pulseboard.query.cache.PanelAnswer;
import io.pulseboard.query.cache.PanelDataService;
import io.pulseboard.query.panel.DashboardCatalog;
import io.pulseboard.query.panel.PanelDefinition;
import io.pulseboard.query.panel.TimeWindow;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard REST API of CONTRACT.md. There is no endpoint that takes SQL or a table name. */
@RestController
@RequestMapping("/api/v1/dashboards")
public class DashboardController {
  static final String VARIABLE_PREFIX = "var.";

  private final DashboardCatalog catalog;
  private final PanelDataService data;
  private final Clock clock;

  public DashboardController(DashboardCatalog catalog, PanelDataService data, Clock clock) {
    this.catalog = catalog;
    this.data = data;
    this.clock = clock;
  }

  @GetMapping
  public List<DashboardViews.Summary> dashboards() {
    return List.of(DashboardViews.summary(catalog));
  }

  @GetMapping("/{name}")
  public DashboardViews.Dashboard dashboard(@PathVariable String name) {
    catalog.requireDashboard(name);
    return DashboardViews.dashboard(catalog);
  }

  /**
   * Panel data over {@code [from, to)} (epoch ms). Without {@code to} the range ends now; without
   * {@code from} it spans the dashboard's default range; a panel with its own range spans that, ending at
   * {@code to}, whatever {@code from} says. {@code step} is auto, 1m, 1h or 1d. Each {@code var.<name>}
   * narrows the panel to that value of the variable's dimension when the variable applies to it. The body
   * is a {@link io.pulseboard.query.panel.PanelData}, sent as the cache holds it.
   */
  @GetMapping("/{name}/panels/{id}")
  public CompletableFuture<ResponseEntity<byte[]>> panel(
      @PathVariable String name,
      @PathVariable String id,
      @RequestParam(required = false) Long from,
      @RequestParam(required = false) Long to,
      @RequestParam(required = false) String step,
      @RequestParam Map<String, String> parameters) {
    PanelDefinition panel = catalog.panel(name, id, variables(parameters));
    long end = to == null ? clock.millis() : to;
    long start = panel.rangeMillis() != null ? end - panel.rangeMillis()
        : from == null ? end - catalog.pipeline().defaultRangeMillis() : from;
    return data.load(panel, new TimeWindow(start, end, step)).thenApply(DashboardController::json);
  }

  private static ResponseEntity<byte[]> json(PanelAnswer answer) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer.json());
  }

  /** The {@code var.<name>} parameters by variable name. */
  static Map<String, String> variables(Map<String, String> parameters) {
    Map<String, String> variables = new LinkedHashMap<>();
    parameters.forEach((key, value) -> {
      if (key.startsWith(VARIABLE_PREFIX)) {
        variables.put(key.substring(VARIABLE_PREFIX.length()), value);
      }
    });
    return variables;
  }
}
