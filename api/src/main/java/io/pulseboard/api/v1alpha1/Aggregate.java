package io.pulseboard.api.v1alpha1;

/** An aggregate function of a measure. */
public enum Aggregate {
  count,
  sum,
  min,
  max,
  avg,
  uniq,
  quantiles
}
