package io.pulseboard.operator.stream;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.operator.workload.WorkloadLabels;
import io.pulseboard.operator.workload.WorkloadSpec;
import io.pulseboard.operator.workload.Workloads;

/** The Deployment {@code <stream>-ingest} of ingest workers. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkloadLabels.INGEST_SELECTOR))
public class IngestDeploymentDependentResource
    extends CRUDKubernetesDependentResource<Deployment, AnalyticsStream> {
  public static final String NAME = "ingest-deployment";

  public IngestDeploymentDependentResource() {
    super(Deployment.class);
  }

  @Override
  protected Deployment desired(AnalyticsStream stream, Context<AnalyticsStream> context) {
    return Workloads.deployment(
        context.managedWorkflowAndDependentResourceContext().getMandatory(WorkloadSpec.class, WorkloadSpec.class));
  }
}
