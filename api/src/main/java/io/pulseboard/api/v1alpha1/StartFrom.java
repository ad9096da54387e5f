package io.pulseboard.api.v1alpha1;

/** Where a new consumer group starts reading. */
public enum StartFrom {
  earliest,
  latest
}
