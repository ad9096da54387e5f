package io.pulseboard.api.v1alpha1;

/** How events are encoded. */
public enum EventFormat {
  json
}
