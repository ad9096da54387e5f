package io.pulseboard.api.v1alpha1;

/** The type of an event value. */
public enum FieldType {
  string,
  int64,
  float64,
  bool,
  datetime
}
