package io.pulseboard.operator.dashboard;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.operator.workload.WorkloadLabels;
import io.pulseboard.operator.workload.WorkloadSpec;
import io.pulseboard.operator.workload.Workloads;

/** The Deployment {@code <dashboard>-query} of query services. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkloadLabels.QUERY_SELECTOR))
public class QueryDeploymentDependentResource extends CRUDKubernetesDependentResource<Deployment, Dashboard> {
  public static final String NAME = "query-deployment";

  public QueryDeploymentDependentResource() {
    super(Deployment.class);
  }

  @Override
  protected Deployment desired(Dashboard dashboard, Context<Dashboard> context) {
    return Workloads.deployment(
        context.managedWorkflowAndDependentResourceContext().getMandatory(WorkloadSpec.class, WorkloadSpec.class));
  }
}
