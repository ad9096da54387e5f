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
 * all its subscribers, heartbeats, and the watch for stuck clients. Subscription changes take this hub's
 * lock, then a panel's; refreshes take only the panel's.
 */
public class LiveHub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);

  private final DashboardCatalog catalog;
  private final PanelDataService data;
  private final JsonMapper json;
  private final Clock clock;
  private final LiveSettings settings;
  private final ScheduledExecutorService scheduler;
  private final Executor io;
  private final Map<LiveKey, LivePanel> panels = new ConcurrentHashMap<>();
  private final Set<LiveConnection> connections = ConcurrentHashMap.newKeySet();
  private final Counter slowCloses;
  private final AtomicLong ids = new AtomicLong();

  public LiveHub(DashboardCatalog catalog, PanelDataService data, JsonMapper json, Clock clock, LiveSettings settings,
      ScheduledExecutorService scheduler, Executor io, MeterRegistry registry) {
    this.catalog = catalog;
    this.data = data;
    this.json = json;
    this.clock = clock;
    this.settings = settings;
    this.scheduler = scheduler;
    this.io = io;
    this.slowCloses = Counter.builder("pulseboard.query.live.slow.closes")
        .description("Live connections closed with 4008 because the client could not keep up")
        .register(registry);
    Gauge.builder("pulseboard.query.live.connections", connections, Set::size)
        .description("Open live connections").register(registry);
    Gauge.builder("pulseboard.query.live.panels", panels, Map::size)
        .description("Panels refreshed live, per granularity").register(registry);
    Gauge.builder("pulseboard.query.live.queued.bytes", connections, all -> all.stream().mapToLong(LiveConnection::queuedBytes).sum())
        .description("Bytes waiting in the outbound queues of all live connections").register(registry);
  }

  /** Starts refresh ticks, heartbeats and the stuck-client watch. */
  public void start() {
    long refresh = Math.max(100, catalog.pipeline().refreshMillis());
    scheduler.scheduleAtFixedRate(guarded(this::refreshAll), refresh, refresh, TimeUnit.MILLISECONDS);
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
      data.load(panel, window).whenComplete((snapshot, error) -> {
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
    panels.computeIfAbsent(key, k -> new LivePanel(k, panel)).attach(connection, snapshot, since);
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

  /** One tick: each subscribed panel re-reads its open window once, for all its subscribers. */
  void refreshAll() {
    long now = clock.millis();
    for (LivePanel live : panels.values()) {
      if (live.hasSubscribers() && live.startRefresh()) {
        refresh(live, now);
      }
    }
  }

  private void refresh(LivePanel live, long now) {
    BucketRange window = BucketRange.liveWindow(live.key().granularity(), now);
    long openBucket = BucketRange.floor(live.key().granularity(), now);
    try {
      data.fresh(live.definition(), window).whenComplete((fresh, error) -> {
        try {
          if (error != null) {
            live.failed("live updates of this panel are failing: ClickHouse did not answer");
          } else {
            live.apply(window, fresh, openBucket);
          }
        } finally {
          live.refreshDone();
        }
      });
    } catch (RuntimeException e) {
      live.refreshDone();
      throw e;
    }
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
    scheduler.shutdownNow();
    if (io instanceof ExecutorService pool) {
      pool.shutdownNow();
    }
  }
}
