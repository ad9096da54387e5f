package io.pulseboard.operator.stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.operator.workload.WorkloadLabels;
import io.pulseboard.operator.workload.WorkloadSpec;
import io.pulseboard.operator.workload.Workloads;

/** The ConfigMap {@code <stream>-ingest} holding ingest.json. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkloadLabels.INGEST_SELECTOR))
public class IngestConfigMapDependentResource
    extends CRUDKubernetesDependentResource<ConfigMap, AnalyticsStream> {
  public static final String NAME = "ingest-configmap";

  public IngestConfigMapDependentResource() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(AnalyticsStream stream, Context<AnalyticsStream> context) {
    return Workloads.configMap(
        context.managedWorkflowAndDependentResourceContext().getMandatory(WorkloadSpec.class, WorkloadSpec.class));
  }
}
