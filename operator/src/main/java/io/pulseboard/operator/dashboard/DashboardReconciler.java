package io.pulseboard.operator.dashboard;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.fabric8.kubernetes.api.model.Service;
import io.pulseboard.api.pipeline.PanelProblem;
import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.api.v1alpha1.DashboardStatus;
import io.pulseboard.operator.config.OperatorConfig;
import io.pulseboard.operator.status.Problem;
import io.pulseboard.operator.status.Reason;
import io.pulseboard.operator.status.StatusDiff;
import io.pulseboard.operator.tenancy.NamespaceBoundaries;
import io.pulseboard.operator.workload.WorkloadLabels;
import io.pulseboard.operator.workload.WorkloadSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a Dashboard: validates its panels against the streams they read, then writes the query
 * ConfigMap, Deployment, Service and optional Ingress (the managed workflow). Panels that are invalid or
 * whose stream is not Ready yet are served with their problem (QueryPipeline.problems), so the page shows
 * each one's error; the dashboard is then not Ready, and PanelsValid lists the invalid ones. Only a
 * dashboard-wide problem (its name, duplicate ids, a cross-namespace reference) or the lack of any existing
 * stream stops the workload. Stream changes reconcile the dashboards that read them.
 */
@ControllerConfiguration(name = DashboardReconciler.NAME)
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = QueryConfigMapDependentResource.NAME, type = QueryConfigMapDependentResource.class),
    @Dependent(name = QueryDeploymentDependentResource.NAME, type = QueryDeploymentDependentResource.class,
        dependsOn = QueryConfigMapDependentResource.NAME),
    @Dependent(name = QueryServiceDependentResource.NAME, type = QueryServiceDependentResource.class),
    @Dependent(name = QueryIngressDependentResource.NAME, type = QueryIngressDependentResource.class,
        reconcilePrecondition = IngressWanted.class, dependsOn = QueryServiceDependentResource.NAME)})
public class DashboardReconciler implements Reconciler<Dashboard> {
  public static final String NAME = "dashboard";
  private static final Duration RETRY_AFTER = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(DashboardReconciler.class);

  private final OperatorConfig config;
  private final Clock clock;

  public DashboardReconciler(OperatorConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, Dashboard>> prepareEventSources(EventSourceContext<Dashboard> context) {
    return List.of(new InformerEventSource<>(DashboardStreams.informer(context), context));
  }

  @Override
  public UpdateControl<Dashboard> reconcile(Dashboard dashboard, Context<Dashboard> context) {
    Map<String, AnalyticsStream> streams = context.getSecondaryResources(AnalyticsStream.class).stream()
        .collect(Collectors.toMap(s -> s.getMetadata().getName(), Function.identity()));
    DashboardOutcome outcome = converge(dashboard, streams, context);
    DashboardStatus next = DashboardStatuses.next(dashboard, outcome, clock.instant());
    UpdateControl<Dashboard> control;
    if (StatusDiff.same(dashboard.getStatus(), next)) {
      control = UpdateControl.noUpdate();
    } else {
      if (outcome.blocked() != null) {
        LOG.info("Dashboard not ready: {}: {}", outcome.blocked().reason(), outcome.blocked().message());
      }
      dashboard.setStatus(next);
      control = UpdateControl.patchStatus(dashboard);
    }
    return outcome.blocked() != null && outcome.blocked().reason().retryable()
        ? control.rescheduleAfter(RETRY_AFTER)
        : control;
  }

  @Override
  public ErrorStatusUpdateControl<Dashboard> updateErrorStatus(Dashboard dashboard, Context<Dashboard> context,
      Exception e) {
    LOG.warn("Reconcile failed", e);
    Problem problem = new Problem(Reason.ReconcileError, String.valueOf(e.getMessage()));
    DashboardStatus next = DashboardStatuses.next(dashboard, new DashboardOutcome(problem, problem, null),
        clock.instant());
    if (StatusDiff.same(dashboard.getStatus(), next)) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    dashboard.setStatus(next);
    return ErrorStatusUpdateControl.patchStatus(dashboard);
  }

  private DashboardOutcome converge(Dashboard dashboard, Map<String, AnalyticsStream> streams,
      Context<Dashboard> context) {
    Optional<Problem> blocking = NamespaceBoundaries.check(dashboard)
        .or(() -> DashboardValidator.blockingProblem(dashboard));
    if (blocking.isPresent()) {
      return new DashboardOutcome(blocking.get(), blocking.get(), null);
    }
    // Panels with a problem are still served, with their problem: the page shows each one's error.
    List<PanelProblem> panelProblems = DashboardValidator.panelProblems(dashboard, streams);
    Problem invalid = PanelProblems.invalid(panelProblems, DashboardValidator.variableProblems(dashboard, streams));
    Problem notReady = PanelProblems.notReady(panelProblems);
    Optional<AnalyticsStream> connectionSource = dashboard.getSpec().getPanels().stream()
        .map(p -> streams.get(p.getStream()))
        .filter(s -> s != null && s.getSpec() != null && s.getSpec().getClickhouse() != null)
        .findFirst();
    if (connectionSource.isEmpty()) {
      // no stream to read ClickHouse through: nothing to serve yet
      Problem blocked = invalid != null ? invalid : notReady;
      return new DashboardOutcome(invalid, blocked, null);
    }
    String name = dashboard.getMetadata().getName();
    String namespace = dashboard.getMetadata().getNamespace();
    QueryPipeline pipeline = QueryPipelines.of(dashboard, streams, panelProblems);
    var query = dashboard.getSpec().getQuery();
    // the query service reads every stream with one connection: the first existing panel stream's Secret
    WorkloadSpec workload = new WorkloadSpec(name + "-query", namespace, WorkloadLabels.QUERY, name, "query",
        config.queryImage(), query == null || query.getReplicas() == null ? 1 : query.getReplicas(),
        QueryPipeline.FILE, PipelineJson.write(pipeline), connectionSource.get().getSpec().getClickhouse().getConnectionSecret(),
        query == null ? null : query.getRedisSecret(), QueryResources.of(query));
    var workflow = context.managedWorkflowAndDependentResourceContext();
    workflow.put(WorkloadSpec.class, workload);
    try {
      workflow.reconcileManagedWorkflow();
    } catch (RuntimeException e) {
      Problem failed = new Problem(Reason.WorkloadUpdateFailed, "writing the query workload failed: " + e.getMessage());
      return new DashboardOutcome(invalid, failed, null);
    }
    String url = DashboardUrls.of(dashboard, context.getSecondaryResource(Service.class).orElse(null));
    return new DashboardOutcome(invalid, invalid != null ? invalid : notReady, url);
  }
}
