package io.pulseboard.query.web;

import io.pulseboard.query.clickhouse.ClickHouseQueries;
import io.pulseboard.query.panel.DashboardCatalog;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kubernetes probes. Liveness only says the process serves HTTP; readiness also needs ClickHouse to
 * answer, so a pod that cannot read panels gets no traffic. The configuration is loaded before the web
 * server starts (a bad one stops the process), so a running process always has it.
 */
@RestController
public class ProbeController {
  private final DashboardCatalog catalog;
  private final ClickHouseQueries clickhouse;

  public ProbeController(DashboardCatalog catalog, ClickHouseQueries clickhouse) {
    this.catalog = catalog;
    this.clickhouse = clickhouse;
  }

  @GetMapping("/healthz")
  public Map<String, String> health() {
    return Map.of("status", "ok");
  }

  @GetMapping("/readyz")
  public ResponseEntity<Map<String, String>> ready() {
    if (!clickhouse.answers()) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(Map.of("status", "not ready", "reason", "ClickHouse does not answer SELECT 1"));
    }
    return ResponseEntity.ok(Map.of("status", "ready", "dashboard", catalog.name()));
  }
}
