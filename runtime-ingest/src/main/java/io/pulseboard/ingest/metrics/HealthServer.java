package io.pulseboard.ingest.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** {@code /healthz}, {@code /readyz} and {@code /metrics} on the JDK's built-in HTTP server. */
public final class HealthServer implements AutoCloseable {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;

  private HealthServer(HttpServer server) {
    this.server = server;
  }

  public static HealthServer start(String host, int port, WorkerHealth health, IngestMetrics metrics) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
    server.createContext("/healthz", ex -> probe(ex, health.isAlive(), health::describe));
    server.createContext("/readyz", ex -> probe(ex, health.isReady(), health::describe));
    server.createContext("/metrics", ex -> respond(ex, 200, PROMETHEUS_TEXT, metrics.scrape()));
    server.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "pulseboard-http");
      t.setDaemon(true);
      return t;
    }));
    server.start();
    return new HealthServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void probe(HttpExchange exchange, boolean ok, Supplier<String> detail) throws IOException {
    respond(exchange, ok ? 200 : 503, "text/plain; charset=utf-8", (ok ? "ok " : "not ok ") + detail.get() + "\n");
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
