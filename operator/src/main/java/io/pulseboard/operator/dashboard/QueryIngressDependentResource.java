package io.pulseboard.operator.dashboard;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDNoGCKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.api.v1alpha1.IngressSpec;
import io.pulseboard.operator.workload.WorkloadLabels;
import io.pulseboard.operator.workload.WorkloadSpec;
import io.pulseboard.operator.workload.Workloads;
import java.util.List;

/**
 * The optional Ingress {@code <dashboard>-query} (networking.k8s.io/v1) routing spec.query.ingress's host
 * and path to the query Service. Reconciled only while spec.query.ingress is set ({@link IngressWanted});
 * JOSDK deletes it when the precondition stops holding, which it does only for a dependent that is not
 * left to the garbage collector (hence the NoGC base class; the owner reference set here still removes it
 * with the dashboard).
 */
@KubernetesDependent(informer = @Informer(labelSelector = WorkloadLabels.QUERY_SELECTOR))
public class QueryIngressDependentResource extends CRUDNoGCKubernetesDependentResource<Ingress, Dashboard> {
  public static final String NAME = "query-ingress";

  public QueryIngressDependentResource() {
    super(Ingress.class);
  }

  @Override
  protected Ingress desired(Dashboard dashboard, Context<Dashboard> context) {
    WorkloadSpec workload = context.managedWorkflowAndDependentResourceContext().getMandatory(WorkloadSpec.class, WorkloadSpec.class);
    IngressSpec ingress = dashboard.getSpec().getQuery() == null ? null : dashboard.getSpec().getQuery().getIngress();
    Ingress named = Workloads.serviceIngress(workload);
    if (ingress == null) {
      // JOSDK asks for the desired object to find the one to delete when the precondition stops holding
      return named;
    }
    IngressBuilder builder = new IngressBuilder(named)
        .editSpec()
        .withIngressClassName(ingress.getClassName())
        .addNewRule()
        .withHost(ingress.getHost())
        .withNewHttp()
        .addNewPath()
        .withPath(path(ingress))
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName(workload.name())
        .withNewPort()
        .withName(Workloads.PORT_NAME)
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec();
    if (ingress.getTlsSecret() != null) {
      builder.editSpec().addNewTl().withHosts(List.of(ingress.getHost())).withSecretName(ingress.getTlsSecret()).endTl().endSpec();
    }
    Ingress desired = builder.build();
    // NoGC dependents get no owner reference from JOSDK; with it, Kubernetes removes the Ingress with its dashboard
    desired.addOwnerReference(dashboard);
    return desired;
  }

  static String path(IngressSpec ingress) {
    return ingress.getPath() == null || ingress.getPath().isBlank() ? "/" : ingress.getPath();
  }
}
