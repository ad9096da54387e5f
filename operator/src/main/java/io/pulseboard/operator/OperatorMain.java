package io.pulseboard.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pulseboard.operator.config.OperatorConfig;
import io.pulseboard.operator.http.OperatorHttpServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator process: loads and validates the configuration from the environment (exit code 2 and a
 * message naming the variable when it is invalid), sets the log level, serves /healthz, /readyz and
 * /metrics, and runs the operator until SIGTERM. No logger is created before the log level is set, as
 * slf4j-simple fixes a logger's level when it is created.
 */
public final class OperatorMain {
  private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.io.pulseboard";

  private OperatorMain() {}

  public static void main(String[] args) {
    OperatorConfig config;
    try {
      config = OperatorConfig.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("Invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.setProperty(LOG_LEVEL_PROPERTY, config.logLevel().name());
    Logger log = LoggerFactory.getLogger(OperatorMain.class);
    log.debug("Configuration: {}", config);

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    AtomicReference<Operator> running = new AtomicReference<>();
    OperatorHttpServer http = OperatorHttpServer.start(config.metricsHost(), config.metricsPort(),
        () -> running.get() == null ? null : running.get().getRuntimeInfo(), registry);
    KubernetesClient client = new KubernetesClientBuilder().build();
    // per-resource meters are removed when their resource is deleted, which keeps tag values bounded
    Operator operator = PulseboardOperator.start(client, config,
        MicrometerMetrics.newPerResourceCollectingMicrometerMetricsBuilder(registry).build());
    running.set(operator);
    operator.installShutdownHook(Duration.ofSeconds(30));
    Runtime.getRuntime().addShutdownHook(new Thread(http::close, "operator-http-stop"));
  }
}
