package io.pulseboard.operator.dashboard;

import io.pulseboard.api.contract.Durations;
import io.pulseboard.api.pipeline.PanelProblem;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.api.v1alpha1.DashboardSpec;
import io.pulseboard.api.v1alpha1.DimensionSpec;
import io.pulseboard.api.v1alpha1.FilterSpec;
import io.pulseboard.api.v1alpha1.MeasureSpec;
import io.pulseboard.api.v1alpha1.PanelSpec;
import io.pulseboard.api.v1alpha1.VariableSpec;
import io.pulseboard.operator.status.ConditionType;
import io.pulseboard.operator.status.Conditions;
import io.pulseboard.operator.status.Problem;
import io.pulseboard.operator.status.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a dashboard against the streams its panels read, which the CRD schema cannot see: every panel
 * must name an existing stream of the namespace, its measures, its dimensions and, for a quantiles
 * measure, one of the kept quantiles; every variable must name a dimension of some panel's stream.
 * Messages name the panel (or the variable).
 */
public final class DashboardValidator {
  private static final String AT_PANEL = "panel %s: ";

  /** {@code <name>-query} must be a Service name: a DNS label of at most 63 characters. */
  private static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]{0,55}[a-z0-9])?");
  private static final double QUANTILE_TOLERANCE = 1e-9;

  private DashboardValidator() {}

  /** What blocks the whole dashboard (its name, its panel ids, its durations), or empty. */
  public static Optional<Problem> blockingProblem(Dashboard dashboard) {
    return specProblem(dashboard);
  }

  /**
   * Every panel that cannot be served as declared, one entry per panel, its message without the
   * "panel id: " prefix: invalid against its stream, or over a stream that is not Ready (reason
   * StreamNotReady). Call on a dashboard without a blocking problem.
   */
  public static List<PanelProblem> panelProblems(Dashboard dashboard, Map<String, AnalyticsStream> streams) {
    List<PanelProblem> problems = new ArrayList<>();
    for (PanelSpec panel : dashboard.getSpec().getPanels()) {
      AnalyticsStream stream = streams.get(panel.getStream());
      Optional<Problem> problem = panelProblem(panel, stream, dashboard);
      if (problem.isEmpty() && !ready(stream)) {
        problem = problem(Reason.StreamNotReady, String.format(AT_PANEL, panel.getId()) + "stream " + panel.getStream()
            + " is not Ready yet");
      }
      problem.ifPresent(p -> problems.add(new PanelProblem(panel.getId(), p.reason().name(),
          p.message().substring(String.format(AT_PANEL, panel.getId()).length()))));
    }
    return problems;
  }

  /** Variables whose dimension no panel's stream has (reason UnknownDimension), one message each. */
  public static List<Problem> variableProblems(Dashboard dashboard, Map<String, AnalyticsStream> streams) {
    List<Problem> problems = new ArrayList<>();
    List<String> dimensions = QueryPipelines.streamsInUse(dashboard).stream()
        .map(streams::get)
        .filter(s -> s != null && s.getSpec() != null)
        .flatMap(s -> orEmpty(s.getSpec().getDimensions()).stream().map(DimensionSpec::getName))
        .distinct()
        .toList();
    for (VariableSpec variable : orEmpty(dashboard.getSpec().getVariables())) {
      if (!dimensions.contains(variable.getDimension())) {
        problems.add(new Problem(Reason.UnknownDimension, "variable " + variable.getName() + ": no stream of the panels has"
            + " the dimension " + variable.getDimension() + "; their dimensions are " + names(dimensions)));
      }
    }
    return problems;
  }

  private static boolean ready(AnalyticsStream stream) {
    return stream != null && stream.getStatus() != null
        && Conditions.isTrue(stream.getStatus().getConditions(), ConditionType.Ready);
  }

  private static Optional<Problem> specProblem(Dashboard dashboard) {
    List<String> problems = new ArrayList<>();
    if (!NAME.matcher(dashboard.getMetadata().getName()).matches()) {
      problems.add("metadata.name '" + dashboard.getMetadata().getName()
          + "' must start with a letter and have at most 57 characters, so that <name>-query is a Service name");
    }
    DashboardSpec spec = dashboard.getSpec();
    if (spec == null || spec.getPanels() == null || spec.getPanels().isEmpty()) {
      problems.add("spec.panels is empty; declare at least one panel");
    } else {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < spec.getPanels().size(); i++) {
        String id = spec.getPanels().get(i).getId();
        if (id == null || !ids.add(id)) {
          problems.add("spec.panels[" + i + "].id '" + id + "' is missing or not unique");
        }
      }
      checkDuration("spec.refresh", spec.getRefresh(), problems);
      checkDuration("spec.defaultRange", spec.getDefaultRange(), problems);
      checkDuration("spec.query.cacheTtl", spec.getQuery() == null ? null : spec.getQuery().getCacheTtl(), problems);
    }
    return problems.isEmpty()
        ? Optional.empty()
        : Optional.of(new Problem(Reason.InvalidSpec, String.join("; ", problems)));
  }

  private static Optional<Problem> panelProblem(PanelSpec panel, AnalyticsStream stream, Dashboard dashboard) {
    String at = String.format(AT_PANEL, panel.getId());
    if (stream == null) {
      return problem(Reason.UnknownStream, at + "there is no AnalyticsStream named " + panel.getStream()
          + " in namespace " + dashboard.getMetadata().getNamespace());
    }
    if (stream.getSpec() == null) {
      return problem(Reason.StreamNotReady, at + "stream " + panel.getStream() + " has no spec");
    }
    List<MeasureSpec> measures = orEmpty(stream.getSpec().getMeasures());
    List<String> names = panel.measureNames();
    if (names.isEmpty()) {
      return problem(Reason.InvalidSpec, at + "set measure or measures");
    }
    List<MeasureSpec> shown = new ArrayList<>();
    for (String name : names) {
      MeasureSpec measure = measures.stream().filter(m -> Objects.equals(m.getName(), name)).findFirst().orElse(null);
      if (measure == null) {
        return problem(Reason.UnknownMeasure, at + "stream " + panel.getStream() + " has no measure "
            + name + "; its measures are " + names(measures.stream().map(MeasureSpec::getName).toList()));
      }
      shown.add(measure);
    }
    if (panel.getQuantile() != null) {
      // one measure: it must keep the quantile; several: the pick applies to their quantiles measures
      List<MeasureSpec> picked = shown.size() == 1 ? shown
          : shown.stream().filter(m -> m.getAggregate() == Aggregate.quantiles).toList();
      if (picked.isEmpty()) {
        return problem(Reason.UnknownQuantile, at + "quantile is set but none of the measures "
            + String.join(", ", names) + " keeps quantiles");
      }
      for (MeasureSpec measure : picked) {
        Optional<Problem> quantile = quantileProblem(at, panel.getQuantile(), measure);
        if (quantile.isPresent()) {
          return quantile;
        }
      }
    }
    List<String> dimensions = orEmpty(stream.getSpec().getDimensions()).stream().map(DimensionSpec::getName).toList();
    List<String> used = new ArrayList<>(orEmpty(panel.getGroupBy()));
    orEmpty(panel.getFilters()).stream().map(FilterSpec::getDimension).forEach(used::add);
    for (String dimension : used) {
      if (!dimensions.contains(dimension)) {
        return problem(Reason.UnknownDimension, at + "stream " + panel.getStream() + " has no dimension "
            + dimension + "; its dimensions are " + names(dimensions));
      }
    }
    return Optional.empty();
  }

  private static Optional<Problem> quantileProblem(String at, double quantile, MeasureSpec measure) {
    if (measure.getAggregate() != Aggregate.quantiles) {
      return problem(Reason.UnknownQuantile, at + "measure " + measure.getName() + " is a "
          + measure.getAggregate() + " and keeps no quantiles");
    }
    boolean kept = orEmpty(measure.getQuantiles()).stream().anyMatch(q -> Math.abs(q - quantile) < QUANTILE_TOLERANCE);
    if (!kept) {
      return problem(Reason.UnknownQuantile, at + "measure " + measure.getName() + " keeps the quantiles "
          + orEmpty(measure.getQuantiles()).stream().map(String::valueOf).collect(Collectors.joining(", "))
          + ", not " + quantile);
    }
    return Optional.empty();
  }

  private static void checkDuration(String at, String value, List<String> problems) {
    if (value == null) {
      return;
    }
    try {
      Durations.parse(value);
    } catch (IllegalArgumentException e) {
      problems.add(at + ": " + e.getMessage());
    }
  }

  private static String names(List<String> names) {
    return names.isEmpty() ? "none" : names.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static Optional<Problem> problem(Reason reason, String message) {
    return Optional.of(new Problem(reason, message));
  }
}
