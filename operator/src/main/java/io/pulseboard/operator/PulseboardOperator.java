package io.pulseboard.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.pulseboard.operator.clickhouse.ClickHouseService;
import io.pulseboard.operator.clickhouse.ConsistencySchedule;
import io.pulseboard.operator.clickhouse.RetentionEnforcer;
import io.pulseboard.operator.clickhouse.RetentionSchedule;
import io.pulseboard.operator.clickhouse.RollupConsistency;
import io.pulseboard.operator.clickhouse.SchemaApplier;
import io.pulseboard.operator.clickhouse.StreamDropper;
import io.pulseboard.operator.config.OperatorConfig;
import io.pulseboard.operator.config.OperatorVersion;
import io.pulseboard.operator.dashboard.DashboardReconciler;
import io.pulseboard.operator.kafka.KafkaAdminService;
import io.pulseboard.operator.stream.AnalyticsStreamReconciler;
import io.pulseboard.operator.stream.StreamCleanup;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires and starts the operator; used by {@link #main} in a cluster and in-process by local mode and tests. */
public final class PulseboardOperator {
  private static final Logger LOG = LoggerFactory.getLogger(PulseboardOperator.class);

  private PulseboardOperator() {}

  /**
   * Registers the AnalyticsStream and Dashboard controllers and starts them. The caller stops the returned
   * operator; stopping it also closes the ClickHouse and Kafka clients of the operator.
   */
  public static Operator start(KubernetesClient client, OperatorConfig config) {
    ClickHouseService clickhouse = new ClickHouseService();
    KafkaAdminService kafka = new KafkaAdminService();
    Operator operator = new ClosingOperator(client, config, () -> {
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
    LOG.info("Pulseboard operator {} started (Server-Side Apply {}, namespaces {})", OperatorVersion.current(),
        config.useServerSideApply() ? "on" : "off",
        config.watchedNamespaces().isEmpty() ? "all" : config.watchedNamespaces());
    return operator;
  }

  public static void main(String[] args) {
    OperatorConfig config;
    try {
      config = OperatorConfig.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      LOG.error("Invalid configuration: {}", e.getMessage());
      System.exit(2);
      return;
    }
    KubernetesClient client = new KubernetesClientBuilder().build();
    Operator operator = start(client, config);
    operator.installShutdownHook(Duration.ofSeconds(30));
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

    ClosingOperator(KubernetesClient client, OperatorConfig config, Runnable onStop) {
      super(o -> o.withKubernetesClient(client)
          .withCloseClientOnStop(false)
          .withUseSSAToPatchPrimaryResource(config.useServerSideApply())
          .withSSABasedCreateUpdateMatchForDependentResources(config.useServerSideApply()));
      this.onStop = onStop;
    }

    @Override
    public void stop() {
      super.stop();
      onStop.run();
    }
  }
}
