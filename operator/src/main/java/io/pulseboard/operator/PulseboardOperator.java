package io.pulseboard.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.pulseboard.operator.clickhouse.ClickHouseService;
import io.pulseboard.operator.clickhouse.ConsistencySchedule;
import io.pulseboard.operator.clickhouse.RetentionEnforcer;
import io.pulseboard.operator.clickhouse.RetentionSchedule;
import io.pulseboard.operator.clickhouse.RollupConsistency;
import io.pulseboard.operator.clickhouse.SchemaApplier;
import io.pulseboard.operator.clickhouse.StreamDropper;
import io.pulseboard.operator.config.LeaderElection;
import io.pulseboard.operator.config.OperatorConfig;
import io.pulseboard.operator.config.OperatorVersion;
import io.pulseboard.operator.dashboard.DashboardReconciler;
import io.pulseboard.operator.kafka.KafkaAdminService;
import io.pulseboard.operator.stream.AnalyticsStreamReconciler;
import io.pulseboard.operator.stream.StreamCleanup;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires and starts the operator; used by {@link OperatorMain} in a cluster and in-process by local mode and tests. */
public final class PulseboardOperator {
  private static final Logger LOG = LoggerFactory.getLogger(PulseboardOperator.class);

  private PulseboardOperator() {}

  /**
   * Registers the AnalyticsStream and Dashboard controllers and starts them. The caller stops the returned
   * operator; stopping it also closes the ClickHouse and Kafka clients of the operator.
   */
  public static Operator start(KubernetesClient client, OperatorConfig config) {
    return start(client, config, Metrics.NOOP);
  }

  /** As {@link #start(KubernetesClient, OperatorConfig)}, reporting JOSDK's reconcile metrics to {@code metrics}. */
  public static Operator start(KubernetesClient client, OperatorConfig config, Metrics metrics) {
    ClickHouseService clickhouse = new ClickHouseService();
    KafkaAdminService kafka = new KafkaAdminService();
    Operator operator = new ClosingOperator(client, config, metrics, () -> {
      clickhouse.close();
      kafka.close();
    });
    Clock clock = Clock.systemUTC();
    SchemaApplier schema = new SchemaApplier(clickhouse);
    RetentionSchedule retention = new RetentionSchedule(new RetentionEnforcer(clickhouse));
    StreamCleanup cleanup = new StreamCleanup(new StreamDropper(clickhouse));
    operator.register(new AnalyticsStreamReconciler(config, schema, kafka, clickhouse, retention,
        new ConsistencySchedule(new RollupConsistency(clickhouse), config.consistencyInterval()), cleanup, clock),
        namespaces(config));
    operator.register(new DashboardReconciler(config, clock), namespaces(config));
    operator.start();
    LOG.info("Pulseboard operator {} started (Server-Side Apply {}, namespaces {}, leader election {})",
        OperatorVersion.current(), config.useServerSideApply() ? "on" : "off",
        config.watchedNamespaces().isEmpty() ? "all" : config.watchedNamespaces(),
        config.leaderElection().enabled()
            ? "as " + config.leaderElection().identity() + " for Lease " + config.leaderElection().leaseNamespace()
                + "/" + config.leaderElection().leaseName()
            : "off");
    return operator;
  }

  private static <R extends HasMetadata> Consumer<ControllerConfigurationOverrider<R>> namespaces(OperatorConfig config) {
    return o -> {
      if (!config.watchedNamespaces().isEmpty()) {
        o.settingNamespaces(config.watchedNamespaces());
      }
    };
  }

  /** A JOSDK operator that also closes the operator's own clients when it stops. */
  private static final class ClosingOperator extends Operator {
    private final Runnable onStop;

    ClosingOperator(KubernetesClient client, OperatorConfig config, Metrics metrics, Runnable onStop) {
      super(o -> {
        o.withKubernetesClient(client)
            .withCloseClientOnStop(false)
            .withMetrics(metrics)
            .withUseSSAToPatchPrimaryResource(config.useServerSideApply())
            .withSSABasedCreateUpdateMatchForDependentResources(config.useServerSideApply());
        LeaderElection election = config.leaderElection();
        if (election.enabled()) {
          // a replica that loses the Lease exits so that Kubernetes restarts it as a follower
          o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(election.leaseName(),
              election.leaseNamespace(), LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
              LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
              LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE, election.identity(), null, true));
        }
      });
      this.onStop = onStop;
    }

    @Override
    public void stop() {
      super.stop();
      onStop.run();
    }
  }
}
