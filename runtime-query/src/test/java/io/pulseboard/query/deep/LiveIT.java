package io.pulseboard.query.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pulseboard.query.QueryServiceApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Live fan-out against real ClickHouse: one query per panel per tick for 200 viewers, backpressure with
 * a client that stops reading (bounded queue, newest replaces unsent, 4008 after the send time limit, the
 * others served on time), resume with {@code since}, and the per-connection subscription limit.
 */
@SpringBootTest(classes = {QueryServiceApplication.class, SmallSocketBuffers.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveIT extends AbstractDeepIT {
  private static final DateTimeFormatter CH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final long SEND_TIME_LIMIT_MS = 3_000;
  private static final int MAX_SUBSCRIPTIONS = 20;
  private static final ScheduledExecutorService INSERTER = Executors.newSingleThreadScheduledExecutor();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) throws Exception {
    register(registry, SERVICES.redis());
    registry.add("pulseboard.live.send-time-limit", () -> SEND_TIME_LIMIT_MS + "ms");
    registry.add("pulseboard.live.max-subscriptions", () -> MAX_SUBSCRIPTIONS);
  }

  /** The last day of events (so the wide panel's snapshot is large), then one event every 200 ms at "now". */
  @BeforeAll
  static void recentEvents() {
    long now = System.currentTimeMillis();
    CLICKHOUSE.execute("INSERT INTO " + DATA.database + ".checkout_raw SELECT toDateTime(" + (now / 1000 - 86_400)
        + " + intHash32(number) % 85800), arrayElement(['de', 'fr', 'us', 'it\\'s'], number % 4 + 1),"
        + " arrayElement(['ios', 'android', 'web'], intHash32(number * 3) % 3 + 1), toInt64(intHash32(number * 17) % 3 + 1),"
        + " 1.0, 'u', 1.0, toInt32(0), toInt64(number), now() FROM system.numbers LIMIT 60000");
    INSERTER.scheduleAtFixedRate(() -> CLICKHOUSE.execute("INSERT INTO " + DATA.database + ".checkout_raw FORMAT JSONEachRow\n"
        + JSON.writeValueAsString(Map.of("_time", CH_TIME.format(Instant.now()), "country", "de", "platform", "web", "tier", 1,
        "amount", 1.0, "user_id", "u", "latency_ms", 1.0, "_partition", 0, "_offset", 0, "_ingested_at", CH_TIME.format(Instant.now())))),
        0, 200, TimeUnit.MILLISECONDS);
  }

  @AfterAll
  static void stopInserting() {
    INSERTER.shutdownNow();
  }

  private static String subscribe(String panel, long rangeMs) {
    return "{\"type\":\"subscribe\",\"dashboard\":\"" + DASHBOARD + "\",\"panel\":\"" + panel + "\",\"rangeMs\":" + rangeMs + "}";
  }

  private Client client() throws Exception {
    Client client = new Client();
    client.socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/live"), client)
        .get(10, TimeUnit.SECONDS);
    return client;
  }

  @Test
  void twoHundredViewersOfOnePanelCauseOneQueryPerTick() throws Exception {
    List<Client> clients = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Client client = client();
      client.socket.sendText(subscribe("events", 600_000), true);
      clients.add(client);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> clients.stream().allMatch(c -> c.count("snapshot") == 1));
    Thread.sleep(REFRESH_MS);

    double queries = metric("pulseboard_query_clickhouse_queries_total");
    Map<Client, Integer> deltas = new HashMap<>();
    clients.forEach(c -> deltas.put(c, c.count("delta")));
    long started = System.nanoTime();
    Thread.sleep(4_000);
    double ran = metric("pulseboard_query_clickhouse_queries_total") - queries;
    long ticks = Duration.ofNanos(System.nanoTime() - started).toMillis() / REFRESH_MS;

    assertThat(ran).as(ran + " queries in " + ticks + " ticks for 200 viewers").isBetween(ticks - 2.0, ticks + 1.0);
    assertThat(clients).allSatisfy(c -> assertThat(c.count("delta") - deltas.get(c)).isGreaterThanOrEqualTo((int) ticks - 3));
    clients.forEach(c -> c.socket.abort());
  }

  @Test
  void aClientThatStopsReadingIsCoalescedBoundedAndClosedWith4008WhileOthersStayOnTime() throws Exception {
    Client fast = client();
    fast.socket.sendText(subscribe("events", 600_000), true);
    try (RawWebSocket slow = new RawWebSocket(port, "/api/v1/live", 4096, "")) {
      slow.sendText(subscribe("events", 600_000));
      assertThat(type(slow.read(10_000))).isEqualTo("snapshot");
      await().atMost(Duration.ofSeconds(10)).until(() -> fast.count("snapshot") == 1);

      // Stall 1, shorter than the send time limit: the day-long wide snapshot fills the pipe (queued bytes
      // appear once a send blocks), and the deltas of "events" that follow wait in the queue, merged.
      slow.sendText(subscribe("wide", 86_400_000));
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
          .until(() -> metric("pulseboard_query_live_queued_bytes") > 0);
      long blockedAt = System.currentTimeMillis();
      List<Double> queued = new ArrayList<>();
      while (System.currentTimeMillis() < blockedAt + SEND_TIME_LIMIT_MS - 1_200) {
        Thread.sleep(150);
        queued.add(metric("pulseboard_query_live_queued_bytes"));
      }
      assertThat(queued.get(queued.size() - 1)).as("queued bytes stay flat: " + queued).isLessThanOrEqualTo(queued.get(0) * 2.5 + 200);

      List<String> afterSnapshot = new ArrayList<>();
      boolean snapshotSeen = false;
      long readUntil = Long.MAX_VALUE;
      while (System.currentTimeMillis() < readUntil) {
        RawWebSocket.Frame frame = slow.read(5_000);
        String message = type(frame) + ":" + JSON.readTree(frame.text()).path("panel").asString();
        if (snapshotSeen) {
          afterSnapshot.add(message);
        } else if (message.equals("snapshot:wide")) {
          snapshotSeen = true;
          afterSnapshot.add("(snapshot " + frame.payload().length + " bytes, queued " + queued + ", blocked at +"
              + (blockedAt % 100_000) + ", read at " + (System.currentTimeMillis() % 100_000) + ")");
          readUntil = System.currentTimeMillis() + 300;
        }
      }
      long slowDeltas = afterSnapshot.stream().filter(m -> m.equals("delta:events")).count();
      long fastDeltas = fast.deltasBetween(blockedAt, readUntil);
      assertThat(slowDeltas).as("the slow client got " + afterSnapshot + " while the fast one got " + fastDeltas + " deltas")
          .isBetween(1L, fastDeltas - 1);

      // Stall 2, longer than the send time limit: closed with 4008; the fast client stays on time.
      double slowCloses = metric("pulseboard_query_live_slow_closes_total");
      slow.sendText(subscribe("wide", 86_400_000 - 60_000));
      int fastMark = fast.count("delta");
      Thread.sleep(SEND_TIME_LIMIT_MS + 2_500);
      assertThat(metric("pulseboard_query_live_slow_closes_total")).isEqualTo(slowCloses + 1);
      assertThat(fast.count("delta") - fastMark).isGreaterThanOrEqualTo((int) ((SEND_TIME_LIMIT_MS + 2_500) / REFRESH_MS) - 3);
      assertThat(fast.maxGapAfter(fastMark)).as("fast client's largest gap between deltas (ms)").isLessThan(2 * REFRESH_MS + 700);

      // A close frame cannot overtake the half-sent message, so a client that stopped reading entirely
      // sees the connection end (Tomcat drops it when the close frame cannot be written); a close frame,
      // if one gets through, carries 4008.
      int closeCode = -1;
      boolean ended = false;
      try {
        while (closeCode < 0) {
          RawWebSocket.Frame frame = slow.read(5_000);
          if (frame.opcode() == RawWebSocket.CLOSE) {
            closeCode = frame.closeCode();
          }
        }
      } catch (java.net.SocketTimeoutException stillOpen) {
        ended = false;
      } catch (IOException dropped) {
        ended = true;
      }
      assertThat(ended || closeCode == 4008).as("connection ended (close code " + closeCode + ")").isTrue();
    }
    fast.socket.abort();
  }

  @Test
  void aReconnectingClientSendingSinceGetsOnlyWhatItMissed() throws Exception {
    Client full = client();
    full.socket.sendText(subscribe("revenue", 3_600_000), true);
    await().atMost(Duration.ofSeconds(10)).until(() -> full.count("snapshot") == 1);
    JsonNode all = full.first("snapshot");
    long now = System.currentTimeMillis();
    long since = now - now % 60_000 - 3 * 60_000;

    Client resumed = client();
    resumed.socket.sendText("{\"type\":\"subscribe\",\"dashboard\":\"" + DASHBOARD + "\",\"panel\":\"revenue\",\"rangeMs\":3600000,"
        + "\"since\":" + (since + 17_000) + "}", true);
    await().atMost(Duration.ofSeconds(10)).until(() -> resumed.count("snapshot") == 1);
    JsonNode missed = resumed.first("snapshot");

    assertThat(missed.path("since").asLong()).isEqualTo(since);
    assertThat(missed.path("data").path("from").asLong()).isEqualTo(since);
    int points = 0;
    for (JsonNode series : missed.path("data").path("series")) {
      for (JsonNode point : series.path("points")) {
        assertThat(point.get(0).asLong()).isGreaterThanOrEqualTo(since);
        points++;
      }
    }
    int allPoints = 0;
    for (JsonNode series : all.path("data").path("series")) {
      allPoints += series.path("points").size();
    }
    assertThat(points).as("only the buckets since " + since).isPositive().isLessThan(allPoints / 4);
    full.socket.abort();
    resumed.socket.abort();
  }

  @Test
  void aConnectionMaySubscribeToALimitedNumberOfPanels() throws Exception {
    Client client = client();
    for (int i = 0; i <= MAX_SUBSCRIPTIONS; i++) {
      client.socket.sendText(subscribe(RandomPanels.PREFIX + i, 600_000), true);
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> client.count("snapshot") == MAX_SUBSCRIPTIONS && client.count("error") == 1);
    assertThat(client.first("error").path("message").asString()).contains("at most " + MAX_SUBSCRIPTIONS + " panels");
    assertThat(client.first("error").path("panel").asString()).isEqualTo(RandomPanels.PREFIX + MAX_SUBSCRIPTIONS);
    client.socket.abort();
  }

  private static String type(RawWebSocket.Frame frame) {
    return frame.opcode() == RawWebSocket.TEXT ? JSON.readTree(frame.text()).path("type").asString() : "close:" + frame.closeCode();
  }

  /** Collects messages with their arrival times. */
  private static final class Client implements WebSocket.Listener {
    final ConcurrentLinkedQueue<JsonNode> messages = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<long[]> deltaTimes = new ConcurrentLinkedQueue<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        JsonNode message = JSON.readTree(partial.toString());
        partial.setLength(0);
        if (message.path("type").asString().equals("delta")) {
          deltaTimes.add(new long[] {deltaTimes.size(), System.currentTimeMillis()});
        }
        messages.add(message);
      }
      webSocket.request(1);
      return null;
    }

    int count(String type) {
      return (int) messages.stream().filter(m -> m.path("type").asString().equals(type)).count();
    }

    JsonNode first(String type) {
      return messages.stream().filter(m -> m.path("type").asString().equals(type)).findFirst().orElseThrow();
    }

    long deltasBetween(long from, long to) {
      return deltaTimes.stream().filter(d -> d[1] >= from && d[1] <= to).count();
    }

    /** Largest time between consecutive deltas from the n-th on (and from the last one to now). */
    long maxGapAfter(int n) {
      long previous = -1;
      long max = 0;
      for (long[] delta : deltaTimes) {
        if (delta[0] >= n) {
          if (previous >= 0) {
            max = Math.max(max, delta[1] - previous);
          }
          previous = delta[1];
        }
      }
      return Math.max(max, System.currentTimeMillis() - previous);
    }
  }

}
