package io.pulseboard.local.runner;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * A stand-in for a runtime jar: listens on $PULSEBOARD_HTTP_PORT, answers /readyz, and shows on /env its
 * environment and the ingest.json it finds in $PULSEBOARD_CONFIG_DIR. Self-contained (JDK classes only,
 * no nested classes) so a test can put this one class file into a jar.
 */
public final class TestingRuntime {
  private TestingRuntime() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv("PULSEBOARD_HTTP_PORT"));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/readyz", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.createContext("/env", exchange -> {
      StringBuilder text = new StringBuilder();
      new TreeMap<>(System.getenv()).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
      String dir = System.getenv("PULSEBOARD_CONFIG_DIR");
      Path config = dir == null ? null : Path.of(dir, "ingest.json");
      text.append("config=").append(config != null && Files.exists(config) ? Files.readString(config) : "<none>");
      byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }
}
