package io.pulseboard.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.pipeline.PanelProblem;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.AnalyticsStreamStatus;
import io.pulseboard.api.v1alpha1.Condition;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.api.v1alpha1.FilterSpec;
import io.pulseboard.api.v1alpha1.PanelSpec;
import io.pulseboard.operator.status.Problem;
import io.pulseboard.operator.status.Reason;
import io.pulseboard.operator.testing.Examples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardValidatorTest {
  private final Map<String, AnalyticsStream> streams = Map.of("checkout", readyStream());

  @Test
  void theQuickstartDashboardIsValid() {
    Dashboard dashboard = Examples.quickstartDashboard();

    assertThat(firstProblem(dashboard)).isEmpty();
    assertThat(DashboardValidator.panelProblems(dashboard, streams)).isEmpty();
    assertThat(DashboardValidator.variableProblems(dashboard, streams)).isEmpty();
  }

  @Test
  void aPanelOverAnUnknownStreamNamesThePanel() {
    Dashboard dashboard = Examples.quickstartDashboard();
    panel(dashboard, "revenue").setStream("orders");

    assertThat(firstProblem(dashboard)).contains(new Problem(Reason.UnknownStream,
        "panel revenue: there is no AnalyticsStream named orders in namespace default"));
  }

  @Test
  void aPanelOverAnUnknownMeasureListsTheMeasures() {
    Dashboard dashboard = Examples.quickstartDashboard();
    panel(dashboard, "events").setMeasure("refunds");

    assertThat(firstProblem(dashboard)).contains(new Problem(Reason.UnknownMeasure,
        "panel events: stream checkout has no measure refunds; its measures are events, revenue, buyers, latency"));
  }

  @Test
  void groupingByAFieldIsAnUnknownDimension() {
    Dashboard dashboard = Examples.quickstartDashboard();
    panel(dashboard, "revenue").setGroupBy(List.of("user_id"));

    assertThat(firstProblem(dashboard)).contains(new Problem(Reason.UnknownDimension,
        "panel revenue: stream checkout has no dimension user_id; its dimensions are country, platform"));
  }

  @Test
  void filteringByAnUnknownDimensionNamesThePanel() {
    Dashboard dashboard = Examples.quickstartDashboard();
    FilterSpec filter = new FilterSpec();
    filter.setDimension("browser");
    filter.setValues(List.of("firefox"));
    panel(dashboard, "p99").setFilters(List.of(filter));

    assertThat(firstProblem(dashboard)).get()
        .extracting(Problem::reason, p -> p.message().startsWith("panel p99: "))
        .containsExactly(Reason.UnknownDimension, true);
  }

  @Test
  void aQuantileTheMeasureDoesNotKeepIsUnknown() {
    Dashboard dashboard = Examples.quickstartDashboard();
    panel(dashboard, "p99").setQuantile(0.95);

    assertThat(firstProblem(dashboard)).contains(new Problem(Reason.UnknownQuantile,
        "panel p99: measure latency keeps the quantiles 0.5, 0.9, 0.99, not 0.95"));
  }

  @Test
  void aQuantileOfAMeasureWithoutQuantilesIsUnknown() {
    Dashboard dashboard = Examples.quickstartDashboard();
    panel(dashboard, "revenue").setQuantile(0.5);

    assertThat(firstProblem(dashboard)).get().extracting(Problem::reason)
        .isEqualTo(Reason.UnknownQuantile);
  }

  @Test
  void panelsOverAStreamThatIsNotReadyWait() {
    AnalyticsStream starting = Examples.quickstartStream();
    Dashboard dashboard = Examples.quickstartDashboard();

    List<PanelProblem> problems = DashboardValidator.panelProblems(dashboard, Map.of("checkout", starting));

    assertThat(problems).hasSize(dashboard.getSpec().getPanels().size())
        .contains(new PanelProblem("events", "StreamNotReady", "stream checkout is not Ready yet"));
  }

  @Test
  void eachInvalidPanelGetsItsOwnProblemAndTheOthersNone() {
    Dashboard dashboard = Examples.quickstartDashboard();
    panel(dashboard, "events").setMeasure("refunds");
    panel(dashboard, "p99").setQuantile(0.95);

    assertThat(DashboardValidator.panelProblems(dashboard, streams)).containsExactly(
        new PanelProblem("events", "UnknownMeasure",
            "stream checkout has no measure refunds; its measures are events, revenue, buyers, latency"),
        new PanelProblem("p99", "UnknownQuantile", "measure latency keeps the quantiles 0.5, 0.9, 0.99, not 0.95"));
  }

  @Test
  void everyMeasureOfAMultiMeasurePanelMustExist() {
    Dashboard dashboard = Examples.quickstartDashboard();
    PanelSpec activity = panel(dashboard, "events");
    activity.setMeasure(null);
    activity.setMeasures(List.of("events", "refunds"));

    assertThat(DashboardValidator.panelProblems(dashboard, streams)).singleElement()
        .isEqualTo(new PanelProblem("events", "UnknownMeasure",
            "stream checkout has no measure refunds; its measures are events, revenue, buyers, latency"));
  }

  @Test
  void aQuantilePickOnSeveralMeasuresNeedsAQuantilesMeasure() {
    Dashboard dashboard = Examples.quickstartDashboard();
    PanelSpec activity = panel(dashboard, "events");
    activity.setMeasure(null);
    activity.setMeasures(List.of("events", "buyers"));
    activity.setQuantile(0.99);
    assertThat(DashboardValidator.panelProblems(dashboard, streams)).singleElement()
        .extracting(PanelProblem::reason).isEqualTo("UnknownQuantile");

    activity.setMeasures(List.of("events", "latency"));
    assertThat(DashboardValidator.panelProblems(dashboard, streams)).isEmpty();
  }

  @Test
  void aVariableOverADimensionNoStreamHasIsAnUnknownDimension() {
    Dashboard dashboard = Examples.quickstartDashboard();
    dashboard.getSpec().getVariables().get(0).setDimension("browser");

    assertThat(DashboardValidator.variableProblems(dashboard, streams)).containsExactly(new Problem(Reason.UnknownDimension,
        "variable country: no stream of the panels has the dimension browser; their dimensions are country, platform"));
  }

  @Test
  void duplicatePanelIdsAreAnInvalidSpec() {
    Dashboard dashboard = Examples.quickstartDashboard();
    panel(dashboard, "p99").setId("events");

    assertThat(firstProblem(dashboard)).get().extracting(Problem::reason)
        .isEqualTo(Reason.InvalidSpec);
  }

  @Test
  void aNameTooLongForItsServiceIsAnInvalidSpec() {
    Dashboard dashboard = Examples.quickstartDashboard();
    dashboard.getMetadata().setName("a".repeat(58));

    assertThat(firstProblem(dashboard)).get().extracting(Problem::reason)
        .isEqualTo(Reason.InvalidSpec);
  }

  /** The dashboard-wide problem, else the first panel's as the PanelsValid condition words it. */
  private java.util.Optional<Problem> firstProblem(Dashboard dashboard) {
    return DashboardValidator.blockingProblem(dashboard).or(() -> DashboardValidator.panelProblems(dashboard, streams).stream()
        .findFirst()
        .map(p -> new Problem(Reason.valueOf(p.reason()), "panel " + p.panel() + ": " + p.message())));
  }

  static AnalyticsStream readyStream() {
    AnalyticsStream stream = Examples.quickstartStream();
    AnalyticsStreamStatus status = new AnalyticsStreamStatus();
    status.setConditions(List.of(new Condition("Ready", "True", "Reconciled", "")));
    status.setSchemaVersion(1);
    stream.setStatus(status);
    return stream;
  }

  private static PanelSpec panel(Dashboard dashboard, String id) {
    return dashboard.getSpec().getPanels().stream().filter(p -> p.getId().equals(id)).findFirst().orElseThrow();
  }
}
