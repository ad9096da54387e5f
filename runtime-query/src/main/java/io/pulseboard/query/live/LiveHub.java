package io.pulseboard.query.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulseboard.query.cache.PanelDataService;
import io.pulseboard.query.panel.BadRequestException;
import io.pulseboard.query.panel.BucketRange;
import io.pulseboard.query.panel.DashboardCatalog;
import io.pulseboard.query.panel.NotFoundException;
import io.pulseboard.query.panel.PanelData;
import io.pulseboard.query.panel.PanelDefinition;
import io.pulseboard.query.panel.TimeWindow;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live updates for every connection: subscriptions, one refresh per subscribed panel per tick shared by
 * all its subscribers (and, through the {@link TickCoordinator}, by all replicas), heartbeats, and the
 * watch for stuck clients. Ticks are epoch-aligned so replicas agree on their numbers. Subscription
 * changes take this hub's lock, then a panel's; refreshes take only the panel's.
 */
public class LiveHub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
  private static final String REFRESH_FAILED = "live updates of this panel are failing: ClickHouse did not answer";

  private final DashboardCatalog catalog;
  private final PanelDataService data;
  private final JsonMapper json;
  private final Clock clock;
  private final LiveSettings settings;
  private final ScheduledExecutorService scheduler;
  private final Executor io;
  private final TickCoordinator ticks;
  private final Map<LiveKey, LivePanel> panels = new ConcurrentHashMap<>();
  private final Set<LiveConnection> connections = ConcurrentHashMap.newKeySet();
  private final Counter slowCloses;
  private final AtomicLong ids = new AtomicLong();

  public LiveHub(DashboardCatalog catalog, PanelDataService data, JsonMapper json, Clock clock, LiveSettings settings,
      ScheduledExecutorService scheduler, Executor io, TickCoordinator ticks, MeterRegistry registry) {
    this.catalog = catalog;
    this.data = data;
    this.json = json;
    this.clock = clock;
    this.settings = settings;
    this.scheduler = scheduler;
    this.io = io;
    this.ticks = ticks;
    this.slowCloses = Counter.builder("pulseboard.query.live.slow.closes")
        .description("Live connections closed with 4008 because the client could not keep up")
        .register(registry);
    Gauge.builder("pulseboard.query.live.connections", connections, Set::size)
        .description("Open live connections").register(registry);
    Gauge.builder("pulseboard.query.live.panels", panels, Map::size)
        .description("Panels refreshed live, per granularity").register(registry);
    Gauge.builder("pulseboard.query.live.queued.bytes", connections, all -> all.stream().mapToLong(LiveConnection::queuedBytes).sum())
        .description("Bytes waiting in the outbound queues of all live connections").register(registry);
    // Ticks computed by another replica are applied on the tick thread: in order, off Redis's I/O thread.
    ticks.listen(tick -> scheduler.execute(guarded(() -> applyShared(tick))));
  }

  /** Starts refresh ticks (on multiples of the refresh interval), heartbeats and the stuck-client watch. */
  public void start() {
    long refresh = refreshMillis();
    scheduler.scheduleAtFixedRate(guarded(this::refreshAll), refresh - clock.millis() % refresh, refresh, TimeUnit.MILLISECONDS);
    long heartbeat = settings.heartbeat().toMillis();
    scheduler.scheduleAtFixedRate(guarded(this::heartbeat), heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    scheduler.scheduleAtFixedRate(guarded(() -> connections.forEach(LiveConnection::closeIfStuck)), 1, 1, TimeUnit.SECONDS);
  }

  LiveConnection connect(Transport transport) {
    LiveConnection connection = new LiveConnection("live-" + ids.incrementAndGet(), transport, json, io,
        clock::millis, settings, slowCloses::increment);
    connections.add(connection);
    return connection;
  }

  /** Forgets a closed connection and its subscriptions; under the hub's lock so no snapshot attaches it again. */
  synchronized void disconnect(LiveConnection connection) {
    connection.markClosed();
    connections.remove(connection);
    connection.subscriptions().keySet().forEach(panel -> unsubscribe(connection, panel));
  }

  void onMessage(LiveConnection connection, String text) {
    ClientCommand command;
    try {
      command = ClientCommand.parse(json, text);
    } catch (IllegalArgumentException e) {
      connection.sendError(e.getMessage(), null);
      return;
    }
    if (ClientCommand.SUBSCRIBE.equals(command.type())) {
      subscribe(connection, command);
    } else {
      unsubscribe(connection, command.panel());
    }
  }

  private void subscribe(LiveConnection connection, ClientCommand command) {
    try {
      String dashboard = command.dashboard() == null ? "" : command.dashboard();
      PanelDefinition panel = catalog.panel(dashboard, command.panel(), command.vars());
      long rangeMs = panel.rangeMillis() != null ? panel.rangeMillis()
          : command.rangeMs() == null ? catalog.pipeline().defaultRangeMillis() : command.rangeMs();
      if (rangeMs <= 0 || rangeMs > TimeWindow.MAX_RANGE.toMillis()) {
        throw new BadRequestException("rangeMs must be between 1 ms and " + TimeWindow.MAX_RANGE.toDays() + " days");
      }
      TimeWindow window = TimeWindow.last(rangeMs, clock.millis());
      LiveKey key = new LiveKey(panel.id(), PanelDataService.rangeOf(panel, window).granularity(), chosen(panel, command.vars()));
      long generation = connection.beginSubscription(panel.id(), settings.maxSubscriptions());
      Long since = command.since();
      data.loadData(panel, window).whenComplete((snapshot, error) -> {
        if (error != null) {
          connection.sendError("panel data is unavailable: ClickHouse did not answer", panel.id());
        } else {
          attach(connection, generation, key, panel, snapshot, since);
        }
      });
    } catch (NotFoundException | BadRequestException e) {
      connection.sendError(e.getMessage(), command.panel());
    }
  }

  /** The variable values that narrow this panel: an empty value means all, the same as not choosing. */
  private static Map<String, String> chosen(PanelDefinition panel, Map<String, String> vars) {
    Map<String, String> chosen = new HashMap<>(vars);
    chosen.keySet().retainAll(panel.variables().keySet());
    chosen.values().removeIf(String::isEmpty);
    return chosen;
  }

  private synchronized void attach(LiveConnection connection, long generation, LiveKey key, PanelDefinition panel,
      PanelData snapshot, Long since) {
    if (!connection.isCurrent(key.panel(), generation)) {
      return;
    }
    LiveKey previous = connection.subscribed(key.panel(), key);
    if (previous != null) {
      detach(connection, previous);
    }
    panels.computeIfAbsent(key, k -> new LivePanel(k, panel, data.liveKey(panel, k.granularity())))
        .attach(connection, snapshot, since);
  }

  private synchronized void unsubscribe(LiveConnection connection, String panel) {
    LiveKey key = connection.unsubscribed(panel);
    if (key != null) {
      detach(connection, key);
    }
  }

  private void detach(LiveConnection connection, LiveKey key) {
    LivePanel live = panels.get(key);
    if (live != null && live.detach(connection)) {
      panels.remove(key);
    }
  }

  /**
   * One tick: each subscribed panel re-reads its open window once for all its subscribers, unless another
   * replica won the tick; then that replica's result arrives through {@link #applyShared}.
   */
  void refreshAll() {
    long now = clock.millis();
    // The tick's nominal time: the nearest multiple of the refresh interval, the same on every replica.
    long tick = Math.floorDiv(now + refreshMillis() / 2, refreshMillis()) * refreshMillis();
    for (LivePanel live : panels.values()) {
      if (live.hasSubscribers() && live.startRefresh()) {
        ticks.claim(live.sharedKey(), tick).whenComplete((mine, error) -> {
          if (Boolean.FALSE.equals(mine)) {
            live.refreshDone();
          } else {
            refresh(live, now, tick);
          }
        });
      }
    }
  }

  private void refresh(LivePanel live, long now, long tick) {
    BucketRange window = BucketRange.liveWindow(live.key().granularity(), now);
    long openBucket = BucketRange.floor(live.key().granularity(), now);
    try {
      data.fresh(live.definition(), window).whenComplete((fresh, error) -> {
        try {
          if (error != null) {
            live.failed(REFRESH_FAILED);
          } else {
            live.apply(tick, window, fresh, openBucket);
          }
          ticks.publish(new SharedTick(live.sharedKey(), tick, window.fromMillis(), window.toMillis(), openBucket,
              error == null ? fresh : null));
        } finally {
          live.refreshDone();
        }
      });
    } catch (RuntimeException e) {
      live.refreshDone();
      LOG.error("live refresh of panel {} failed", live.key().panel(), e);
    }
  }

  /** A tick another replica computed, for a panel this replica also serves live. */
  void applyShared(SharedTick tick) {
    for (LivePanel live : panels.values()) {
      if (live.sharedKey().equals(tick.panelKey())) {
        if (tick.failed()) {
          live.failed(REFRESH_FAILED);
        } else {
          live.apply(tick.tick(), new BucketRange(live.key().granularity(), tick.windowFrom(), tick.windowTo()), tick.data(),
              tick.openBucket());
        }
      }
    }
  }

  private long refreshMillis() {
    return Math.max(100, catalog.pipeline().refreshMillis());
  }

  void heartbeat() {
    long now = clock.millis();
    connections.forEach(c -> c.sendHeartbeat(now));
  }

  /** A scheduled task that logs its failure instead of silently cancelling all later runs. */
  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("live task failed", e);
      }
    };
  }

  @Override
  public void close() {
    ticks.close();
    scheduler.shutdownNow();
    if (io instanceof ExecutorService pool) {
      pool.shutdownNow();
    }
  }
}
