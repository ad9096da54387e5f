package io.pulseboard.operator.status;

/** The condition types the operator writes, in the order they appear in status. */
public enum ConditionType {
  Ready,
  SchemaReady,
  IngestReady,
  Fresh,
  RollupsConsistent,
  PanelsValid
}
