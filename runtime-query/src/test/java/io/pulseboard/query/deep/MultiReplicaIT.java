package io.pulseboard.query.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.v1alpha1.FilterOp;
import io.pulseboard.query.ClickHouseHttp;
import io.pulseboard.query.QueryProcess;
import io.pulseboard.query.TestingPipelines;
import io.pulseboard.services.Endpoints;
import io.pulseboard.services.SharedServices;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several replicas: two packaged query services sharing the test Redis compute each live tick of a panel
 * once between them (query_log and their metrics agree), and viewers on both get the same deltas; a third
 * whose Redis is unreachable computes its own ticks and keeps its viewers updated.
 */
class MultiReplicaIT {
  private static final long REFRESH_MS = 500;
  private static final JsonMapper JSON = JsonMapper.shared();
  private static final DateTimeFormatter CH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final Endpoints SERVICES = SharedServices.endpoints();
  private static final ClickHouseHttp CLICKHOUSE = new ClickHouseHttp(SERVICES.clickhouseHttp());
  private static final DeepDataset DATA = DeepDataset.shared(CLICKHOUSE);
  /** In the panel's filter, so query_log tells its queries from every other test's. */
  private static final String SHARED_MARKER = "replicas-" + UUID.randomUUID();
  private static final String ALONE_MARKER = "alone-" + UUID.randomUUID();
  private static final ScheduledExecutorService INSERTER = Executors.newSingleThreadScheduledExecutor();
  private static final List<QueryProcess> REPLICAS = new ArrayList<>();
  private static QueryProcess first;
  private static QueryProcess second;
  private static QueryProcess alone;

  private final HttpClient http = HttpClient.newHttpClient();

  private static QueryPipeline pipeline(String marker) {
    return new QueryPipeline("replicas", "shop", "Replicas", REFRESH_MS, 3_600_000, 5_000,
        List.of(TestingPipelines.panel("events", "events", List.of(), null,
            List.of(TestingPipelines.filter("country", FilterOp.notIn, marker)))),
        List.of(DATA.stream));
  }

  @BeforeAll
  static void startReplicas() throws Exception {
    Path work = Files.createTempDirectory("pulseboard-replicas-it-");
    // Quick to start, small: the test checks coordination, not speed.
    List<String> jvm = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    first = QueryProcess.start("first", pipeline(SHARED_MARKER), SERVICES.clickhouseHttp(), SERVICES.redis(), work, jvm);
    REPLICAS.add(first);
    second = QueryProcess.start("second", pipeline(SHARED_MARKER), SERVICES.clickhouseHttp(), SERVICES.redis(), work, jvm);
    REPLICAS.add(second);
    alone = QueryProcess.start("alone", pipeline(ALONE_MARKER), SERVICES.clickhouseHttp(), "redis://127.0.0.1:" + closedPort(), work, jvm);
    REPLICAS.add(alone);
    // One event every 200 ms at "now": every tick's open bucket changes.
    INSERTER.scheduleAtFixedRate(() -> CLICKHOUSE.execute("INSERT INTO " + DATA.database + ".checkout_raw FORMAT JSONEachRow\n"
        + JSON.writeValueAsString(Map.of("_time", CH_TIME.format(Instant.now()), "country", "de", "platform", "web", "tier", 1,
        "amount", 1.0, "user_id", "u", "latency_ms", 1.0, "_partition", 0, "_offset", 0, "_ingested_at", CH_TIME.format(Instant.now())))),
        0, 200, TimeUnit.MILLISECONDS);
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
      for (QueryProcess replica : REPLICAS) {
        assertThat(replica.isAlive()).as("replica alive, log: " + replica.log()).isTrue();
      }
      return REPLICAS.stream().allMatch(QueryProcess::ready);
    });
  }

  @AfterAll
  static void stopReplicas() throws Exception {
    INSERTER.shutdownNow();
    for (QueryProcess replica : REPLICAS) {
      replica.close();
    }
  }

  @Test
  void twoReplicasComputeEachTickOnceAndTheirViewersGetTheSameDeltas() throws Exception {
    List<Viewer> onFirst = List.of(viewer(first), viewer(first), viewer(first));
    List<Viewer> onSecond = List.of(viewer(second), viewer(second), viewer(second));
    List<Viewer> all = new ArrayList<>(onFirst);
    all.addAll(onSecond);
    await().atMost(Duration.ofSeconds(20)).until(() -> all.stream().allMatch(v -> v.deltas.size() >= 2));

    double queriesBefore = first.metric("pulseboard_query_clickhouse_queries_total") + second.metric("pulseboard_query_clickhouse_queries_total");
    int loggedBefore = loggedQueries(SHARED_MARKER);
    int[] marks = all.stream().mapToInt(v -> v.deltas.size()).toArray();
    long started = System.nanoTime();
    Thread.sleep(6_000);
    long ticks = Duration.ofNanos(System.nanoTime() - started).toMillis() / REFRESH_MS;
    double queries = first.metric("pulseboard_query_clickhouse_queries_total") + second.metric("pulseboard_query_clickhouse_queries_total")
        - queriesBefore;
    int logged = loggedQueries(SHARED_MARKER) - loggedBefore;

    assertThat(queries).as(queries + " queries by both replicas in " + ticks + " ticks").isBetween(ticks - 2.0, ticks + 1.0);
    assertThat((double) logged).as(logged + " queries in ClickHouse's query_log in " + ticks + " ticks").isBetween(ticks - 2.0, ticks + 1.0);
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i).deltas.size() - marks[i]).as("deltas of viewer " + i).isGreaterThanOrEqualTo((int) ticks - 3);
    }
    // Each tick's delta carries the open bucket's count, which grows every tick: equal texts are the same tick.
    List<String> seenOnFirst = onFirst.get(0).deltas.subList(marks[0], onFirst.get(0).deltas.size() - 1);
    for (Viewer viewer : all) {
      assertThat(viewer.deltas).as("a viewer on either replica got the deltas of the first").containsAll(seenOnFirst);
    }
    all.forEach(v -> v.socket.abort());
  }

  @Test
  void aReplicaWithoutRedisComputesItsOwnTicks() throws Exception {
    Viewer viewer = viewer(alone);
    await().atMost(Duration.ofSeconds(20)).until(() -> viewer.deltas.size() >= 2);

    int loggedBefore = loggedQueries(ALONE_MARKER);
    int mark = viewer.deltas.size();
    long started = System.nanoTime();
    Thread.sleep(3_000);
    long ticks = Duration.ofNanos(System.nanoTime() - started).toMillis() / REFRESH_MS;

    assertThat(viewer.deltas.size() - mark).isGreaterThanOrEqualTo((int) ticks - 2);
    assertThat((double) loggedQueries(ALONE_MARKER) - loggedBefore).isBetween(ticks - 2.0, ticks + 1.0);
    viewer.socket.abort();
  }

  private Viewer viewer(QueryProcess replica) throws Exception {
    Viewer viewer = new Viewer();
    viewer.socket = http.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + replica.port() + "/api/v1/live"), viewer).get(10, TimeUnit.SECONDS);
    viewer.socket.sendText("{\"type\":\"subscribe\",\"dashboard\":\"replicas\",\"panel\":\"events\",\"rangeMs\":600000}", true);
    return viewer;
  }

  /** Finished queries in ClickHouse's query_log that carry the marker (the service's live and snapshot reads). */
  private static int loggedQueries(String marker) {
    CLICKHOUSE.execute("SYSTEM FLUSH LOGS");
    return CLICKHOUSE.rows("SELECT count() AS n FROM system.query_log WHERE type = 2 AND query NOT LIKE '%query_log%'"
        + " AND position(query, '" + marker + "') > 0 FORMAT JSONEachRow").get(0).path("n").asInt();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Keeps the text of every delta, in order. */
  private static final class Viewer implements WebSocket.Listener {
    final List<String> deltas = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        JsonNode message = JSON.readTree(text);
        if (message.path("type").asString().equals("delta")) {
          deltas.add(text);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
