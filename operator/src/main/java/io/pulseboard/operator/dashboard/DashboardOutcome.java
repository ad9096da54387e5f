package io.pulseboard.operator.dashboard;

import io.pulseboard.operator.status.Problem;

/**
 * How far one reconcile of a dashboard got.
 *
 * @param invalidPanels why the panels cannot be served, or null when they are valid
 * @param blocked why the dashboard is not Ready, or null when its workload is written
 * @param url where the dashboard is served, when its workload is written
 */
record DashboardOutcome(Problem invalidPanels, Problem blocked, String url) {}
