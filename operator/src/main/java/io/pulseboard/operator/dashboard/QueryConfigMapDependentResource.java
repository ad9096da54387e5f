package io.pulseboard.operator.dashboard;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.operator.workload.WorkloadLabels;
import io.pulseboard.operator.workload.WorkloadSpec;
import io.pulseboard.operator.workload.Workloads;

/** The ConfigMap {@code <dashboard>-query} holding query.json. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkloadLabels.QUERY_SELECTOR))
public class QueryConfigMapDependentResource extends CRUDKubernetesDependentResource<ConfigMap, Dashboard> {
  public static final String NAME = "query-configmap";

  public QueryConfigMapDependentResource() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(Dashboard dashboard, Context<Dashboard> context) {
    return Workloads.configMap(
        context.managedWorkflowAndDependentResourceContext().getMandatory(WorkloadSpec.class, WorkloadSpec.class));
  }
}
