package io.pulseboard.operator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP endpoints for the kubelet and Prometheus: {@code /healthz} (liveness: the informers
 * are healthy), {@code /readyz} (readiness: the operator has started and its informers are healthy; a
 * replica that is not the leader is ready too, so a rollout is not held up by the election) and
 * {@code /metrics} (Prometheus text, JOSDK's reconcile metrics among them).
 */
public final class OperatorHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorHttpServer.class);

  private final HttpServer server;

  private OperatorHttpServer(HttpServer server) {
    this.server = server;
  }

  public static OperatorHttpServer start(String host, int port, Supplier<RuntimeInfo> runtime,
      PrometheusMeterRegistry registry) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
      server.setExecutor(Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "operator-http");
        t.setDaemon(true);
        return t;
      }));
      server.createContext("/healthz", exchange -> {
        RuntimeInfo info = runtime.get();
        boolean healthy = info != null && info.allEventSourcesAreHealthy();
        respond(exchange, healthy ? 200 : 503, healthy ? "ok\n" : "unhealthy event sources\n");
      });
      server.createContext("/readyz", exchange -> {
        RuntimeInfo info = runtime.get();
        boolean ready = info != null && info.isStarted() && info.allEventSourcesAreHealthy();
        respond(exchange, ready ? 200 : 503, ready ? "ready\n" : "starting\n");
      });
      server.createContext("/metrics", exchange -> respond(exchange, 200, registry.scrape()));
      server.start();
      LOG.info("Serving /healthz, /readyz and /metrics on {}:{}", host, server.getAddress().getPort());
      return new OperatorHttpServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
