package io.pulseboard.operator.dashboard;

import static io.pulseboard.operator.status.DesiredCondition.isFalse;
import static io.pulseboard.operator.status.DesiredCondition.isTrue;

import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.api.v1alpha1.DashboardStatus;
import io.pulseboard.operator.status.ConditionType;
import io.pulseboard.operator.status.Conditions;
import io.pulseboard.operator.status.DesiredCondition;
import io.pulseboard.operator.status.Reason;
import java.time.Instant;
import java.util.List;

/**
 * The status a dashboard should have after a reconcile. Ready means the panels are valid, the streams
 * they read are Ready, and the query ConfigMap, Deployment and Service are written.
 */
final class DashboardStatuses {
  private DashboardStatuses() {}

  static DashboardStatus next(Dashboard dashboard, DashboardOutcome outcome, Instant now) {
    DashboardStatus previous = dashboard.getStatus() == null ? new DashboardStatus() : dashboard.getStatus();
    Long generation = dashboard.getMetadata().getGeneration();
    DesiredCondition panels = outcome.invalidPanels() == null
        ? isTrue(ConditionType.PanelsValid, Reason.PanelsValid,
            dashboard.getSpec().getPanels().size() + " panels over streams "
                + String.join(", ", QueryPipelines.streamsInUse(dashboard)))
        : isFalse(ConditionType.PanelsValid, outcome.invalidPanels().reason(), outcome.invalidPanels().message());
    DesiredCondition ready = outcome.blocked() == null
        ? isTrue(ConditionType.Ready, Reason.Reconciled, "served at " + outcome.url())
        : isFalse(ConditionType.Ready, outcome.blocked().reason(), outcome.blocked().message());

    DashboardStatus status = new DashboardStatus();
    status.setObservedGeneration(generation);
    status.setConditions(Conditions.merge(previous.getConditions(), List.of(ready, panels), generation, now));
    status.setUrl(outcome.url() != null ? outcome.url() : previous.getUrl());
    return status;
  }
}
