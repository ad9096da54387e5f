package io.pulseboard.api.v1alpha1;

/** How a filter compares a dimension with its values. */
public enum FilterOp {
  in,
  notIn
}
