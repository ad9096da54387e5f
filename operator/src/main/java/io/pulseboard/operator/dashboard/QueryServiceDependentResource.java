package io.pulseboard.operator.dashboard;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.operator.workload.WorkloadLabels;
import io.pulseboard.operator.workload.WorkloadSpec;
import io.pulseboard.operator.workload.Workloads;

/** The Service {@code <dashboard>-query} in front of the query services, port 8080 named http. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkloadLabels.QUERY_SELECTOR))
public class QueryServiceDependentResource extends CRUDKubernetesDependentResource<Service, Dashboard> {
  public static final String NAME = "query-service";

  public QueryServiceDependentResource() {
    super(Service.class);
  }

  @Override
  protected Service desired(Dashboard dashboard, Context<Dashboard> context) {
    return Workloads.service(
        context.managedWorkflowAndDependentResourceContext().getMandatory(WorkloadSpec.class, WorkloadSpec.class));
  }
}
