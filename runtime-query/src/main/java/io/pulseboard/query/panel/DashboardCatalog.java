package io.pulseboard.query.panel;

import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.PanelProblem;
import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.api.v1alpha1.FilterOp;
import io.pulseboard.api.v1alpha1.PanelSpec;
import io.pulseboard.api.v1alpha1.VariableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dashboard this process serves, with each panel resolved once at start. A panel that does not
 * resolve, or that the operator reported as invalid, stays listed (the page shows its error) but its data
 * requests are refused with the reason.
 */
public final class DashboardCatalog {
  /** Reason of a panel that the operator passed but that does not resolve here. */
  public static final String INVALID_PANEL = "InvalidPanel";

  private final QueryPipeline pipeline;
  private final Map<String, PanelSpec> specs = new LinkedHashMap<>();
  private final Map<String, PanelDefinition> panels = new LinkedHashMap<>();
  private final Map<String, PanelProblem> problems = new LinkedHashMap<>();
  private final Map<String, VariableSpec> variables = new LinkedHashMap<>();

  private DashboardCatalog(QueryPipeline pipeline) {
    this.pipeline = pipeline;
    pipeline.variables().forEach(v -> variables.putIfAbsent(v.getName(), v));
    pipeline.problems().forEach(p -> problems.putIfAbsent(p.panel(), p));
    Map<String, StreamContract> streams = pipeline.streams().stream()
        .collect(Collectors.toMap(StreamContract::name, Function.identity(), (a, b) -> a));
    for (PanelSpec spec : pipeline.panels()) {
      specs.putIfAbsent(spec.getId(), spec);
      if (problems.containsKey(spec.getId())) {
        continue;
      }
      try {
        panels.putIfAbsent(spec.getId(), PanelResolver.resolve(spec, streams, List.copyOf(variables.values())));
      } catch (IllegalArgumentException e) {
        problems.putIfAbsent(spec.getId(), new PanelProblem(spec.getId(), INVALID_PANEL, e.getMessage()));
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

  public List<VariableSpec> variables() {
    return List.copyOf(variables.values());
  }

  /** The resolved panel of a spec, empty when it did not resolve. */
  public Optional<PanelDefinition> definition(String panelId) {
    return Optional.ofNullable(panels.get(panelId));
  }

  /** The problem of a panel that cannot be queried, if it has one. */
  public Optional<PanelProblem> problem(String panelId) {
    return Optional.ofNullable(problems.get(panelId));
  }

  /** Panels that cannot be queried and why, by panel id. */
  public Map<String, String> problems() {
    Map<String, String> messages = new LinkedHashMap<>();
    problems.forEach((id, p) -> messages.put(id, p.message()));
    return messages;
  }

  /**
   * The panel to query.
   *
   * @throws NotFoundException when this process does not serve the dashboard or the panel
   * @throws PanelProblemException when the panel exists but cannot be queried
   */
  public PanelDefinition panel(String dashboard, String panelId) {
    requireDashboard(dashboard);
    PanelDefinition panel = panels.get(panelId);
    if (panel != null) {
      return panel;
    }
    PanelProblem problem = problems.get(panelId);
    if (problem != null) {
      throw new PanelProblemException(problem.reason(), "panel '" + panelId + "' cannot be queried: " + problem.message());
    }
    throw new NotFoundException("dashboard '" + dashboard + "' has no panel '" + panelId + "'");
  }

  /**
   * The panel narrowed by the chosen variable values: each value of a variable that applies to the panel
   * becomes an equality filter on its dimension; empty values mean all, variables of other streams are
   * ignored.
   *
   * @throws BadRequestException naming a variable the dashboard does not declare
   */
  public PanelDefinition panel(String dashboard, String panelId, Map<String, String> values) {
    PanelDefinition panel = panel(dashboard, panelId);
    return panel.withFilters(variableFilters(panel, values));
  }

  /** The chosen values as filters of this panel, in declaration order of the variables. */
  public List<FilterClause> variableFilters(PanelDefinition panel, Map<String, String> values) {
    requireKnown(values.keySet());
    List<FilterClause> filters = new ArrayList<>();
    panel.variables().forEach((name, column) -> {
      String value = values.get(name);
      if (value != null && !value.isEmpty()) {
        filters.add(new FilterClause(column.name(), column.type(), FilterOp.in, List.of(value)));
      }
    });
    return filters;
  }

  /**
   * Every stream whose rollups hold a variable's values, with the dimension the variable reads there: the
   * streams of the queryable panels the variable applies to, in panel order; empty when there are none.
   */
  public Map<StreamContract, ColumnSpec> variableSources(String variable) {
    requireKnown(List.of(variable));
    Map<StreamContract, ColumnSpec> sources = new LinkedHashMap<>();
    panels.values().stream()
        .filter(p -> p.variables().containsKey(variable))
        .forEach(p -> sources.putIfAbsent(p.stream(), p.variables().get(variable)));
    return sources;
  }

  private void requireKnown(Iterable<String> names) {
    for (String name : names) {
      if (!variables.containsKey(name)) {
        throw new BadRequestException("the dashboard has no variable '" + printable(name) + "'");
      }
    }
  }

  public void requireDashboard(String dashboard) {
    if (!name().equals(dashboard)) {
      throw new NotFoundException("no dashboard '" + dashboard + "' here");
    }
  }

  private static String printable(String text) {
    String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
