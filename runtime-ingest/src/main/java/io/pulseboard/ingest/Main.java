package io.pulseboard.ingest;

import io.pulseboard.ingest.config.IngestConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of the runtime-ingest image: configuration from the environment, stop on SIGTERM. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    IngestConfig config;
    try {
      config = IngestConfig.fromEnvironment(System.getenv());
    } catch (RuntimeException e) {
      LOG.error("{}", e.getMessage());
      System.exit(2);
      return;
    }
    IngestWorker worker;
    try {
      worker = IngestWorker.start(config);
    } catch (RuntimeException e) {
      // Clients already created may hold non-daemon threads: exit explicitly.
      LOG.error("cannot start the ingest worker", e);
      System.exit(1);
      return;
    }
    // SIGTERM runs the hook: the held batch is stored and committed before the JVM exits.
    Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "pulseboard-shutdown"));
    if (!worker.awaitTermination()) {
      // The loop died on its own; exiting non-zero lets Kubernetes restart the pod.
      System.exit(1);
    }
  }
}
