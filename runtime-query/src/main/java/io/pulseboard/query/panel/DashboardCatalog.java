package io.pulseboard.query.panel;

import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.api.v1alpha1.PanelSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dashboard this process serves, with each panel resolved once at start. A panel that does not
 * resolve stays listed (the page can show its error) but its data requests are refused with the reason.
 */
public final class DashboardCatalog {
  private final QueryPipeline pipeline;
  private final Map<String, PanelSpec> specs = new LinkedHashMap<>();
  private final Map<String, PanelDefinition> panels = new LinkedHashMap<>();
  private final Map<String, String> problems = new LinkedHashMap<>();

  private DashboardCatalog(QueryPipeline pipeline) {
    this.pipeline = pipeline;
    Map<String, StreamContract> streams = pipeline.streams().stream()
        .collect(Collectors.toMap(StreamContract::name, Function.identity(), (a, b) -> a));
    for (PanelSpec spec : pipeline.panels()) {
      specs.putIfAbsent(spec.getId(), spec);
      try {
        panels.putIfAbsent(spec.getId(), PanelResolver.resolve(spec, streams));
      } catch (IllegalArgumentException e) {
        problems.putIfAbsent(spec.getId(), e.getMessage());
      }
    }
  }

  public static DashboardCatalog of(QueryPipeline pipeline) {
    return new DashboardCatalog(pipeline);
  }

  public QueryPipeline pipeline() {
    return pipeline;
  }

  public String name() {
    return pipeline.dashboard();
  }

  public List<PanelSpec> specs() {
    return List.copyOf(specs.values());
  }

  /** The resolved panel of a spec, empty when it did not resolve. */
  public Optional<PanelDefinition> definition(String panelId) {
    return Optional.ofNullable(panels.get(panelId));
  }

  /** Panels that cannot be queried and why, by panel id. */
  public Map<String, String> problems() {
    return Map.copyOf(problems);
  }

  /**
   * The panel to query.
   *
   * @throws NotFoundException when this process does not serve the dashboard or the panel
   * @throws BadRequestException when the panel exists but cannot be queried
   */
  public PanelDefinition panel(String dashboard, String panelId) {
    requireDashboard(dashboard);
    PanelDefinition panel = panels.get(panelId);
    if (panel != null) {
      return panel;
    }
    String problem = problems.get(panelId);
    if (problem != null) {
      throw new BadRequestException("panel '" + panelId + "' cannot be queried: " + problem);
    }
    throw new NotFoundException("dashboard '" + dashboard + "' has no panel '" + panelId + "'");
  }

  public void requireDashboard(String dashboard) {
    if (!name().equals(dashboard)) {
      throw new NotFoundException("no dashboard '" + dashboard + "' here");
    }
  }
}
