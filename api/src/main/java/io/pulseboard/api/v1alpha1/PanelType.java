package io.pulseboard.api.v1alpha1;

/** How a panel is drawn. */
public enum PanelType {
  timeseries,
  bar,
  stat,
  table
}
