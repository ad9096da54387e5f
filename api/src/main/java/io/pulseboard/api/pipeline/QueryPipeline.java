package io.pulseboard.api.pipeline;

import io.pulseboard.api.v1alpha1.PanelSpec;
import io.pulseboard.api.v1alpha1.VariableSpec;
import java.util.List;

/**
 * Everything a query service needs to serve one dashboard, written by the operator into the query
 * ConfigMap as {@value #FILE}. Credentials reach the service as env vars from Secrets.
 *
 * @param dashboard the Dashboard's name
 * @param namespace its namespace
 * @param title page title
 * @param refreshMillis live update interval
 * @param defaultRangeMillis range shown when the page opens
 * @param cacheTtlMillis how long an answer covering the open bucket stays cached
 * @param panels the panels as declared
 * @param streams the contracts of the streams the panels read
 * @param variables the dashboard's variables, in display order
 * @param problems panels the operator found invalid, with the reason
 */
public record QueryPipeline(
    String dashboard,
    String namespace,
    String title,
    long refreshMillis,
    long defaultRangeMillis,
    long cacheTtlMillis,
    List<PanelSpec> panels,
    List<StreamContract> streams,
    List<VariableSpec> variables,
    List<PanelProblem> problems) {

  public static final String FILE = "query.json";

  public QueryPipeline {
    panels = List.copyOf(panels);
    streams = List.copyOf(streams);
    variables = variables == null ? List.of() : List.copyOf(variables);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  /** A pipeline without variables and without problems. */
  public QueryPipeline(String dashboard, String namespace, String title, long refreshMillis, long defaultRangeMillis,
      long cacheTtlMillis, List<PanelSpec> panels, List<StreamContract> streams) {
    this(dashboard, namespace, title, refreshMillis, defaultRangeMillis, cacheTtlMillis, panels, streams, List.of(), List.of());
  }
}
