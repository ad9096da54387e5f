package io.pulseboard.api.v1alpha1;

/** What happens to the tables when a stream is deleted. */
public enum DeletionPolicy {
  Retain,
  Delete
}
