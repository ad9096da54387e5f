package io.pulseboard.operator.status;

/** A condition as a reconcile decides it, before transition times are worked out. */
public record DesiredCondition(ConditionType type, boolean status, Reason reason, String message) {

  public static DesiredCondition isTrue(ConditionType type, Reason reason, String message) {
    return new DesiredCondition(type, true, reason, message);
  }

  public static DesiredCondition isFalse(ConditionType type, Reason reason, String message) {
    return new DesiredCondition(type, false, reason, message);
  }
}
