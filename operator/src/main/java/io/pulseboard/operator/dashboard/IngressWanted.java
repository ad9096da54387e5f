package io.pulseboard.operator.dashboard;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.pulseboard.api.v1alpha1.Dashboard;

/** Holds while the dashboard asks for an Ingress; when it stops holding, the Ingress is deleted. */
public class IngressWanted implements Condition<Ingress, Dashboard> {
  @Override
  public boolean isMet(DependentResource<Ingress, Dashboard> dependentResource, Dashboard dashboard, Context<Dashboard> context) {
    return dashboard.getSpec().getQuery() != null && dashboard.getSpec().getQuery().getIngress() != null;
  }
}
