package io.pulseboard.operator.dashboard;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.Dashboard;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Watches AnalyticsStreams for the dashboard controller: a dashboard's secondary streams are those its
 * panels name in its namespace, and a change to a stream (its spec or its Ready condition) reconciles
 * every dashboard that reads it, so the query pipeline follows the stream without an edit of the dashboard.
 */
final class DashboardStreams {
  static final String EVENT_SOURCE = "streams";

  private DashboardStreams() {}

  static InformerEventSourceConfiguration<AnalyticsStream> informer(EventSourceContext<Dashboard> context) {
    return InformerEventSourceConfiguration.from(AnalyticsStream.class, Dashboard.class)
        .withName(EVENT_SOURCE)
        .withNamespacesInheritedFromController()
        .withPrimaryToSecondaryMapper((Dashboard dashboard) -> QueryPipelines.streamsInUse(dashboard).stream()
            .map(name -> new ResourceID(name, dashboard.getMetadata().getNamespace()))
            .collect(Collectors.toSet()))
        .withSecondaryToPrimaryMapper(stream -> readers(context, stream))
        .build();
  }

  private static Set<ResourceID> readers(EventSourceContext<Dashboard> context, AnalyticsStream stream) {
    String namespace = stream.getMetadata().getNamespace();
    return context.getPrimaryCache()
        .list(namespace, d -> QueryPipelines.streamsInUse(d).contains(stream.getMetadata().getName()))
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }
}
