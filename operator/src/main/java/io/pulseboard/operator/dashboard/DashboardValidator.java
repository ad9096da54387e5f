package io.pulseboard.operator.dashboard;

import io.pulseboard.api.contract.Durations;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.api.v1alpha1.DashboardSpec;
import io.pulseboard.api.v1alpha1.DimensionSpec;
import io.pulseboard.api.v1alpha1.FilterSpec;
import io.pulseboard.api.v1alpha1.MeasureSpec;
import io.pulseboard.api.v1alpha1.PanelSpec;
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
 * must name an existing stream of the namespace, one of its measures, its dimensions and, for a quantiles
 * measure, one of the kept quantiles. Messages name the panel.
 */
public final class DashboardValidator {
  /** {@code <name>-query} must be a Service name: a DNS label of at most 63 characters. */
  private static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]{0,55}[a-z0-9])?");
  private static final double QUANTILE_TOLERANCE = 1e-9;

  private DashboardValidator() {}

  /** The problem that keeps the panels from being served, or empty when every panel is valid. */
  public static Optional<Problem> panelProblem(Dashboard dashboard, Map<String, AnalyticsStream> streams) {
    Optional<Problem> spec = specProblem(dashboard);
    if (spec.isPresent()) {
      return spec;
    }
    for (PanelSpec panel : dashboard.getSpec().getPanels()) {
      Optional<Problem> problem = panelProblem(panel, streams.get(panel.getStream()), dashboard);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** A stream some panel reads that is not Ready, or empty when all are; call on valid panels only. */
  public static Optional<Problem> streamProblem(Dashboard dashboard, Map<String, AnalyticsStream> streams) {
    for (PanelSpec panel : dashboard.getSpec().getPanels()) {
      AnalyticsStream stream = streams.get(panel.getStream());
      boolean ready = stream.getStatus() != null && Conditions.isTrue(stream.getStatus().getConditions(), ConditionType.Ready);
      if (!ready) {
        return Optional.of(new Problem(Reason.StreamNotReady,
            "panel " + panel.getId() + ": stream " + panel.getStream() + " is not Ready yet"));
      }
    }
    return Optional.empty();
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
    String at = "panel " + panel.getId() + ": ";
    if (stream == null) {
      return problem(Reason.UnknownStream, at + "there is no AnalyticsStream named " + panel.getStream()
          + " in namespace " + dashboard.getMetadata().getNamespace());
    }
    if (stream.getSpec() == null) {
      return problem(Reason.StreamNotReady, at + "stream " + panel.getStream() + " has no spec");
    }
    List<MeasureSpec> measures = orEmpty(stream.getSpec().getMeasures());
    MeasureSpec measure = measures.stream().filter(m -> Objects.equals(m.getName(), panel.getMeasure()))
        .findFirst().orElse(null);
    if (measure == null) {
      return problem(Reason.UnknownMeasure, at + "stream " + panel.getStream() + " has no measure "
          + panel.getMeasure() + "; its measures are " + names(measures.stream().map(MeasureSpec::getName).toList()));
    }
    if (panel.getQuantile() != null) {
      Optional<Problem> quantile = quantileProblem(at, panel.getQuantile(), measure);
      if (quantile.isPresent()) {
        return quantile;
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
