package io.pulseboard.query.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One live viewer on the JDK's WebSocket client (one selector thread for all of them, so thousands are
 * cheap). A fast viewer asks for the next message as soon as it has one; a slow one takes one message per
 * {@code slowReadMillis} and leaves the rest unread (the server's queue for it fills, then TCP's).
 */
final class BenchClient implements WebSocket.Listener {
  private static final JsonMapper JSON = JsonMapper.shared();
  private static final ScheduledExecutorService SLOW_READS = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "bench-slow-reads");
    thread.setDaemon(true);
    return thread;
  });

  private final long slowReadMillis;
  private final BiConsumer<JsonNode, Long> onDelta;
  private final StringBuilder partial = new StringBuilder();
  final CompletableFuture<Void> snapshot = new CompletableFuture<>();
  volatile int closeCode = -1;
  volatile long deltas;
  WebSocket socket;

  /** @param onDelta gets each delta with its arrival time (epoch ms); null to just count them */
  private BenchClient(long slowReadMillis, BiConsumer<JsonNode, Long> onDelta) {
    this.slowReadMillis = slowReadMillis;
    this.onDelta = onDelta;
  }

  static CompletableFuture<BenchClient> connect(HttpClient http, int port, String subscribe, long slowReadMillis,
      BiConsumer<JsonNode, Long> onDelta) {
    BenchClient client = new BenchClient(slowReadMillis, onDelta);
    return http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/live"), client)
        .thenCompose(socket -> {
          client.socket = socket;
          return socket.sendText(subscribe, true);
        })
        .thenCompose(socket -> client.snapshot)
        .thenApply(ignored -> client);
  }

  boolean slow() {
    return slowReadMillis > 0;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    long arrived = System.currentTimeMillis();
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      // Cheap type check first: most frames are deltas, parsed only when someone wants them.
      if (text.startsWith("{\"type\":\"delta\"")) {
        deltas++;
        if (onDelta != null) {
          onDelta.accept(JSON.readTree(text), arrived);
        }
      } else if (text.startsWith("{\"type\":\"snapshot\"")) {
        snapshot.complete(null);
      } else if (text.startsWith("{\"type\":\"error\"")) {
        snapshot.completeExceptionally(new IllegalStateException(text));
      }
    }
    if (slow() && last) {
      SLOW_READS.schedule(() -> webSocket.request(1), slowReadMillis, TimeUnit.MILLISECONDS);
    } else {
      webSocket.request(1);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode = statusCode;
    snapshot.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    snapshot.completeExceptionally(error);
  }
}
