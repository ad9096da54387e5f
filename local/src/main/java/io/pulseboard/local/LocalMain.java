package io.pulseboard.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar pulseboard-local-...-exec.jar up}: runs the whole stack in the foreground until SIGTERM or
 * Ctrl-C, which stop everything it started. Progress and the summary go to the console, logs to
 * {@code .pulseboard/logs/local-mode.log}.
 */
public final class LocalMain {
  private LocalMain() {}

  public static void main(String[] args) throws InterruptedException {
    PrintStream console = System.out;
    if (args.length != 1 || !args[0].equals("up")) {
      console.println("usage: java -jar pulseboard-local-exec.jar up   (normally through ./pulseboard up)");
      System.exit(2);
    }
    LocalConfig config;
    try {
      config = LocalConfig.load(systemProperties(), System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("pulseboard: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path log = LogSetup.toFile(config.stateDir().resolve("logs").resolve("local-mode.log"));

    Progress progress = new Progress(console, LocalMode.STEPS);
    LocalMode mode = new LocalMode(config, progress);
    Runtime.getRuntime().addShutdownHook(new Thread(mode::close, "pulseboard-shutdown"));
    LocalEndpoints endpoints;
    try {
      endpoints = mode.start();
    } catch (LocalMode.StoppedException e) {
      return;
    } catch (Exception e) {
      progress.failed();
      System.err.println("pulseboard: could not start: " + e.getMessage());
      System.err.println("pulseboard: details in " + log);
      LoggerFactory.getLogger(LocalMain.class).error("start failed", e);
      System.exit(1);
      return;
    }
    progress.line("");
    progress.line("Pulseboard is up.");
    progress.line("  dashboard:  " + endpoints.dashboardUrl());
    progress.line("  kubectl:    export KUBECONFIG=" + endpoints.kubeconfig() + "; kubectl get analyticsstreams,dashboards");
    progress.line("  endpoints:  " + mode.endpointsFile());
    progress.line("  pids:       " + mode.pidsFile());
    progress.line("  logs:       " + log.getParent());
    progress.line("Stop with Ctrl-C (or ./pulseboard down).");
    new CountDownLatch(1).await();
  }

  private static Map<String, String> systemProperties() {
    Map<String, String> properties = new HashMap<>();
    System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
    return properties;
  }
}
