package io.pulseboard.operator.status;

import io.pulseboard.api.v1alpha1.Condition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Turns desired conditions into Kubernetes conditions. {@code lastTransitionTime} is carried over from
 * the previous condition of the same type unless its status flips, so an unchanged resource yields an
 * identical status and nothing is written.
 */
public final class Conditions {
  private Conditions() {}

  public static List<Condition> merge(List<Condition> previous, List<DesiredCondition> desired,
      Long generation, Instant now) {
    String nowText = now.truncatedTo(ChronoUnit.SECONDS).toString();
    return desired.stream()
        .sorted(Comparator.comparing(DesiredCondition::type))
        .map(d -> toCondition(d, find(previous, d.type()), generation, nowText))
        .toList();
  }

  /** The condition of {@code type}, or null. */
  public static Condition find(List<Condition> conditions, ConditionType type) {
    if (conditions == null) {
      return null;
    }
    return conditions.stream().filter(c -> type.name().equals(c.getType())).findFirst().orElse(null);
  }

  public static boolean isTrue(List<Condition> conditions, ConditionType type) {
    Condition c = find(conditions, type);
    return c != null && "True".equals(c.getStatus());
  }

  private static Condition toCondition(DesiredCondition d, Condition before, Long generation, String now) {
    String status = d.status() ? "True" : "False";
    boolean flipped = before == null || !Objects.equals(before.getStatus(), status);
    Condition condition = new Condition(d.type().name(), status, d.reason().name(), d.message());
    condition.setObservedGeneration(generation);
    condition.setLastTransitionTime(flipped ? now : before.getLastTransitionTime());
    return condition;
  }
}
