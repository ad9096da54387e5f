package io.pulseboard.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.v1alpha1.FilterOp;
import io.pulseboard.query.TestingPipelines;
import io.pulseboard.query.cache.CacheStore;
import io.pulseboard.query.cache.CacheTimes;
import io.pulseboard.query.cache.ClosedAnswerMemory;
import io.pulseboard.query.cache.PanelDataService;
import io.pulseboard.query.cache.TestingPanelQueryRunner;
import io.pulseboard.query.clickhouse.PanelQueryCompiler;
import io.pulseboard.query.panel.DashboardCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LiveHubTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:30:20Z");
  private static final long OPEN = Instant.parse("2026-03-01T12:30:00Z").toEpochMilli();
  private static final long PREVIOUS = OPEN - 60_000;
  private static final String SUBSCRIBE = "{\"type\":\"subscribe\",\"dashboard\":\"shop-health\",\"panel\":\"events\",\"rangeMs\":3600000}";

  private final JsonMapper json = JsonMapper.shared();
  private final TestingPanelQueryRunner clickhouse = new TestingPanelQueryRunner();
  /** Fixed unless a test moves it on to the next tick. */
  private volatile Instant now = NOW;
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  };
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final LiveHub hub = hub(TestingPipelines.dashboard());

  private LiveHub hub(QueryPipeline pipeline) {
    return hub(pipeline, TickCoordinator.ALONE, registry);
  }

  private LiveHub hub(QueryPipeline pipeline, TickCoordinator ticks, SimpleMeterRegistry registry) {
    DashboardCatalog catalog = DashboardCatalog.of(pipeline);
    PanelDataService data = new PanelDataService(catalog, new PanelQueryCompiler(), clickhouse, CacheStore.NONE,
        new ClosedAnswerMemory(0, registry), json, clock,
        new CacheTimes(Duration.ofHours(1), Duration.ofMinutes(1)), registry);
    return new LiveHub(catalog, data, json, clock, new LiveSettings(null, 0, null, 0),
        Executors.newSingleThreadScheduledExecutor(), Runnable::run, ticks, registry);
  }

  private List<JsonNode> messages(TestingTransport transport) {
    return transport.sent.stream().map(json::readTree).toList();
  }

  private List<JsonNode> deltas(TestingTransport transport) {
    return messages(transport).stream().filter(m -> m.path("type").asString().equals("delta")).toList();
  }

  private static List<List<Long>> points(JsonNode delta) {
    return delta.path("series").get(0).path("points").valueStream()
        .map(p -> List.of(p.get(0).asLong(), p.get(1).asLong())).toList();
  }

  /** The dashboard refreshes every 2 s; 12:30:20 plus a few ticks stays in the same minute. */
  private void nextTick() {
    now = now.plusSeconds(2);
  }

  @Test
  void aSubscriberGetsASnapshotOfItsRange() {
    TestingTransport transport = new TestingTransport();
    LiveConnection connection = hub.connect(transport);

    hub.onMessage(connection, SUBSCRIBE);

    JsonNode snapshot = messages(transport).get(0);
    assertThat(snapshot.path("type").asString()).isEqualTo("snapshot");
    assertThat(snapshot.path("panel").asString()).isEqualTo("events");
    assertThat(snapshot.path("data").path("granularity").asString()).isEqualTo("1m");
    assertThat(snapshot.path("data").path("to").asLong()).isEqualTo(OPEN + 60_000);
    assertThat(snapshot.path("data").path("series").get(0).path("points")).hasSize(61);
  }

  @Test
  void eachTickQueriesAPanelOnceForAllItsSubscribers() {
    TestingTransport a = new TestingTransport();
    TestingTransport b = new TestingTransport();
    hub.onMessage(hub.connect(a), SUBSCRIBE);
    hub.onMessage(hub.connect(b), SUBSCRIBE);
    int snapshotQueries = clickhouse.queries.size();

    hub.refreshAll();

    assertThat(clickhouse.queries).hasSize(snapshotQueries + 1);
    assertThat(clickhouse.queries.get(snapshotQueries).range().fromMillis()).isEqualTo(PREVIOUS);
    assertThat(deltas(a)).hasSize(1);
    assertThat(deltas(b)).hasSize(1);
    assertThat(a.sent.get(1)).isEqualTo(b.sent.get(1));
  }

  @Test
  void subscribersWithDifferentVariableValuesShareNoTickAndThoseWithTheSameShareOne() {
    QueryPipeline pipeline = TestingPipelines.dashboard();
    LiveHub withVariables = hub(new QueryPipeline(pipeline.dashboard(), pipeline.namespace(), pipeline.title(), pipeline.refreshMillis(),
        pipeline.defaultRangeMillis(), pipeline.cacheTtlMillis(), pipeline.panels(), pipeline.streams(),
        List.of(new io.pulseboard.api.v1alpha1.VariableSpec("country", "country", null)), List.of()));
    String de = SUBSCRIBE.replace("}", ",\"vars\":{\"country\":\"de\"}}");
    String fr = SUBSCRIBE.replace("}", ",\"vars\":{\"country\":\"fr\"}}");
    withVariables.onMessage(withVariables.connect(new TestingTransport()), de);
    withVariables.onMessage(withVariables.connect(new TestingTransport()), de);
    withVariables.onMessage(withVariables.connect(new TestingTransport()), fr);
    int snapshotQueries = clickhouse.queries.size();

    withVariables.refreshAll();

    List<String> ticks = clickhouse.queries.subList(snapshotQueries, clickhouse.queries.size()).stream().map(q -> q.sql()).toList();
    assertThat(ticks).hasSize(2);
    assertThat(ticks).anySatisfy(sql -> assertThat(sql).contains("`country` IN ('de')"));
    assertThat(ticks).anySatisfy(sql -> assertThat(sql).contains("`country` IN ('fr')"));
  }

  @Test
  void aDeltaCarriesChangedBucketsAndTheOpenBucket() {
    TestingTransport transport = new TestingTransport();
    hub.onMessage(hub.connect(transport), SUBSCRIBE);

    hub.refreshAll();
    nextTick();
    hub.refreshAll();
    clickhouse.value = 5L;
    nextTick();
    hub.refreshAll();

    List<JsonNode> deltas = deltas(transport);
    assertThat(deltas).hasSize(3);
    assertThat(points(deltas.get(0))).containsExactly(List.of(PREVIOUS, 1L), List.of(OPEN, 1L));
    assertThat(points(deltas.get(1))).containsExactly(List.of(OPEN, 1L));
    assertThat(points(deltas.get(2))).containsExactly(List.of(PREVIOUS, 5L), List.of(OPEN, 5L));
  }

  @Test
  void aLateSubscriberSeesWhatOthersWerePushed() {
    TestingTransport early = new TestingTransport();
    hub.onMessage(hub.connect(early), SUBSCRIBE);
    clickhouse.value = 9L;
    hub.refreshAll();

    // The snapshot load answers 1 for every bucket (as a stale cache would); the pushed 9s win.
    clickhouse.value = 1L;
    TestingTransport late = new TestingTransport();
    hub.onMessage(hub.connect(late), SUBSCRIBE);

    JsonNode points = messages(late).get(0).path("data").path("series").get(0).path("points");
    assertThat(points.get(points.size() - 1).get(1).asLong()).isEqualTo(9);
    assertThat(points.get(points.size() - 2).get(1).asLong()).isEqualTo(9);
    assertThat(points.get(0).get(1).asLong()).isEqualTo(1);
  }

  @Test
  void afterUnsubscribeNoDeltaArrivesAndThePanelIsNoLongerRefreshed() {
    TestingTransport transport = new TestingTransport();
    LiveConnection connection = hub.connect(transport);
    hub.onMessage(connection, SUBSCRIBE);

    hub.onMessage(connection, "{\"type\":\"unsubscribe\",\"panel\":\"events\"}");
    int queries = clickhouse.queries.size();
    hub.refreshAll();

    assertThat(deltas(transport)).isEmpty();
    assertThat(clickhouse.queries).hasSize(queries);
    assertThat(registry.get("pulseboard.query.live.panels").gauge().value()).isZero();
  }

  @Test
  void aClosedConnectionIsForgotten() {
    TestingTransport transport = new TestingTransport();
    LiveConnection connection = hub.connect(transport);
    hub.onMessage(connection, SUBSCRIBE);

    hub.disconnect(connection);
    hub.refreshAll();

    assertThat(deltas(transport)).isEmpty();
    assertThat(registry.get("pulseboard.query.live.connections").gauge().value()).isZero();
  }

  @Test
  void badSubscriptionsGetAnErrorMessage() {
    TestingTransport transport = new TestingTransport();
    LiveConnection connection = hub.connect(transport);

    hub.onMessage(connection, "{\"type\":\"subscribe\",\"dashboard\":\"shop-health\",\"panel\":\"nope\"}");
    hub.onMessage(connection, "{\"type\":\"subscribe\",\"dashboard\":\"other\",\"panel\":\"events\"}");
    hub.onMessage(connection, "{\"type\":\"subscribe\",\"dashboard\":\"shop-health\",\"panel\":\"events\",\"rangeMs\":-5}");
    hub.onMessage(connection, "{\"type\":\"subscribe\",\"dashboard\":\"shop-health\",\"panel\":\"events\",\"rangeMs\":99999999999999}");

    assertThat(messages(transport)).extracting(m -> m.path("type").asString()).containsOnly("error").hasSize(4);
    assertThat(messages(transport).get(0).path("message").asString()).isEqualTo("dashboard 'shop-health' has no panel 'nope'");
    assertThat(messages(transport).get(2).path("message").asString()).isEqualTo("rangeMs must be between 1 ms and 400 days");
    assertThat(messages(transport).get(3).path("message").asString()).isEqualTo("rangeMs must be between 1 ms and 400 days");
  }

  @Test
  void aPanelWhoseFilterCannotBeEncodedGetsAnErrorNotAClosedConnection() {
    LiveHub badFilterHub = hub(TestingPipelines.dashboard(TestingPipelines.checkout(), 1_000, List.of(
        TestingPipelines.panel("tiers", "events", List.of(), null, List.of(TestingPipelines.filter("tier", FilterOp.in, "gold"))))));
    TestingTransport transport = new TestingTransport();

    badFilterHub.onMessage(badFilterHub.connect(transport), "{\"type\":\"subscribe\",\"dashboard\":\"shop-health\",\"panel\":\"tiers\"}");

    assertThat(messages(transport)).singleElement().satisfies(m -> {
      assertThat(m.path("type").asString()).isEqualTo("error");
      assertThat(m.path("message").asString()).isEqualTo("'gold' is not an int64");
      assertThat(m.path("panel").asString()).isEqualTo("tiers");
    });
    assertThat(transport.closeCode).isNull();
  }

  @Test
  void heartbeatsReachEveryConnection() {
    TestingTransport transport = new TestingTransport();
    hub.connect(transport);

    hub.heartbeat();

    assertThat(transport.sent).containsExactly("{\"type\":\"heartbeat\",\"ts\":" + NOW.toEpochMilli() + "}");
  }

  @Test
  void replicasSharingACoordinatorQueryOncePerTickAndPushTheSameDeltas() {
    TestingTickCoordinator replicas = new TestingTickCoordinator();
    LiveHub first = hub(TestingPipelines.dashboard(), replicas.replica(), new SimpleMeterRegistry());
    LiveHub second = hub(TestingPipelines.dashboard(), replicas.replica(), new SimpleMeterRegistry());
    TestingTransport a = new TestingTransport();
    TestingTransport b = new TestingTransport();
    first.onMessage(first.connect(a), SUBSCRIBE);
    second.onMessage(second.connect(b), SUBSCRIBE);
    int snapshotQueries = clickhouse.queries.size();

    first.refreshAll();
    second.refreshAll();
    clickhouse.value = 7L;
    second.refreshAll();
    first.refreshAll();

    // Both hubs run at the same fixed time: one tick, so one query; the value 7 is never read.
    assertThat(clickhouse.queries).hasSize(snapshotQueries + 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> deltas(b).size() == 1);
    assertThat(deltas(a)).hasSize(1);
    assertThat(deltas(b)).isEqualTo(deltas(a));
    assertThat(points(deltas(b).get(0))).containsExactly(List.of(PREVIOUS, 1L), List.of(OPEN, 1L));
  }

  @Test
  void withoutTheCoordinatorEachReplicaComputesItsOwnTicks() {
    TestingTickCoordinator replicas = new TestingTickCoordinator();
    replicas.down = true;
    LiveHub first = hub(TestingPipelines.dashboard(), replicas.replica(), new SimpleMeterRegistry());
    LiveHub second = hub(TestingPipelines.dashboard(), replicas.replica(), new SimpleMeterRegistry());
    TestingTransport a = new TestingTransport();
    TestingTransport b = new TestingTransport();
    first.onMessage(first.connect(a), SUBSCRIBE);
    second.onMessage(second.connect(b), SUBSCRIBE);
    int snapshotQueries = clickhouse.queries.size();

    first.refreshAll();
    second.refreshAll();

    assertThat(clickhouse.queries).hasSize(snapshotQueries + 2);
    assertThat(deltas(a)).hasSize(1);
    assertThat(deltas(b)).hasSize(1);
  }
}
