package io.pulseboard.operator.dashboard;

import io.pulseboard.api.pipeline.PanelProblem;
import io.pulseboard.operator.status.Problem;
import io.pulseboard.operator.status.Reason;
import java.util.ArrayList;
import java.util.List;

/** Sums up the problems of a dashboard's panels and variables into the conditions' reason and message. */
final class PanelProblems {
  private PanelProblems() {}

  /**
   * What makes PanelsValid False: panels invalid against their stream and variables without a dimension;
   * the reason is the first one's, the message lists every one (per panel). Null when there is none.
   */
  static Problem invalid(List<PanelProblem> panels, List<Problem> variables) {
    List<Problem> all = new ArrayList<>();
    panels.stream()
        .filter(p -> !p.reason().equals(Reason.StreamNotReady.name()))
        .forEach(p -> all.add(new Problem(Reason.valueOf(p.reason()), "panel " + p.panel() + ": " + p.message())));
    all.addAll(variables);
    return summary(all);
  }

  /** Panels waiting for their stream to become Ready, or null. */
  static Problem notReady(List<PanelProblem> panels) {
    return summary(panels.stream()
        .filter(p -> p.reason().equals(Reason.StreamNotReady.name()))
        .map(p -> new Problem(Reason.StreamNotReady, "panel " + p.panel() + ": " + p.message()))
        .toList());
  }

  private static Problem summary(List<Problem> problems) {
    if (problems.isEmpty()) {
      return null;
    }
    return new Problem(problems.get(0).reason(), String.join("; ", problems.stream().map(Problem::message).toList()));
  }
}
