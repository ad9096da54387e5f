package io.pulseboard.query.live;

import io.pulseboard.query.panel.BucketRange;
import io.pulseboard.query.panel.PanelData;
import io.pulseboard.query.panel.PanelDefinition;
import io.pulseboard.query.panel.SeriesTable;
import io.pulseboard.query.panel.TopGroups;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The shared live state of one panel at one granularity: its subscribers and the values last pushed for
 * the buckets a refresh re-reads. Each refresh is computed once and fanned out to every subscriber.
 * Snapshots and refreshes are applied under this object's lock, so a subscriber joins between two
 * refreshes and misses none.
 */
final class LivePanel {
  private final LiveKey key;
  private final PanelDefinition definition;
  private final Set<LiveConnection> subscribers = new LinkedHashSet<>();
  private final SeriesTable lastPushed = new SeriesTable();
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private boolean failing;

  /** The groups the latest snapshot shows on their own; refreshes fold the others into "other". */
  private Set<Map<String, String>> keptGroups = Set.of();

  LivePanel(LiveKey key, PanelDefinition definition) {
    this.key = key;
    this.definition = definition;
  }

  LiveKey key() {
    return key;
  }

  PanelDefinition definition() {
    return definition;
  }

  /**
   * Sends a new subscriber its snapshot, with the values already pushed to the others laid over the
   * (possibly cached) data, and adds it to the fan-out.
   */
  synchronized void attach(LiveConnection connection, PanelData data) {
    attach(connection, data, null);
  }

  /**
   * As {@link #attach(LiveConnection, PanelData)}; with {@code since} (a resuming client's last seen
   * bucket) the snapshot holds only the buckets from that bucket's start on: what the client missed.
   */
  synchronized void attach(LiveConnection connection, PanelData data, Long since) {
    long from = since == null ? data.from() : Math.max(data.from(), BucketRange.floor(key.granularity(), since));
    SeriesTable table = new SeriesTable();
    SeriesTable.of(data.series()).forEach((labels, point) -> {
      if (point.t() >= from) {
        table.put(labels, point.t(), point.v());
      }
    });
    lastPushed.forEach((labels, point) -> {
      if (point.t() >= from && point.t() < data.to()) {
        table.put(labels, point.t(), point.v());
      }
    });
    PanelData snapshot = new PanelData(data.panel(), data.granularity(), from, data.to(), table.toSeries());
    keptGroups = TopGroups.keptGroups(definition, data.series());
    connection.sendSnapshot(since == null ? new LiveMessages.Snapshot(snapshot) : new LiveMessages.Snapshot(snapshot, from));
    subscribers.add(connection);
  }

  /** Removes a subscriber; returns whether none is left. */
  synchronized boolean detach(LiveConnection connection) {
    subscribers.remove(connection);
    return subscribers.isEmpty();
  }

  synchronized boolean hasSubscribers() {
    return !subscribers.isEmpty();
  }

  /** Claims the next refresh; false while one is still running, so slow queries never pile up. */
  boolean startRefresh() {
    return refreshing.compareAndSet(false, true);
  }

  void refreshDone() {
    refreshing.set(false);
  }

  /**
   * Applies freshly read window data: pushes the buckets whose values changed since the last push, plus
   * the open bucket, to every subscriber.
   */
  synchronized void apply(BucketRange window, PanelData fresh, long openBucket) {
    failing = false;
    SeriesTable changed = new SeriesTable();
    SeriesTable.of(TopGroups.fold(definition, fresh.series(), keptGroups)).forEach((labels, point) -> {
      if (point.t() == openBucket || lastPushed.differs(labels, point.t(), point.v())) {
        changed.put(labels, point.t(), point.v());
      }
      lastPushed.put(labels, point.t(), point.v());
    });
    lastPushed.removeBefore(window.fromMillis());
    if (changed.isEmpty()) {
      return;
    }
    LiveMessages.Delta delta = new LiveMessages.Delta(key.panel(), key.granularity().label(), changed.toSeries());
    subscribers.forEach(s -> s.sendDelta(delta));
  }

  /** Tells subscribers once that refreshes fail, until one succeeds again. */
  synchronized void failed(String message) {
    if (!failing) {
      failing = true;
      subscribers.forEach(s -> s.sendError(message, key.panel()));
    }
  }
}
