package io.pulseboard.operator.clickhouse;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link RollupConsistency} check of a stream at most once per interval and remembers the last
 * report, so that every reconcile in between shows the same RollupsConsistent condition. A check that
 * fails to run keeps the previous report and is tried again at the next reconcile.
 */
public final class ConsistencySchedule {
  private static final Logger LOG = LoggerFactory.getLogger(ConsistencySchedule.class);

  private record Checked(Instant at, RollupConsistency.Report report) {}

  private final RollupConsistency consistency;
  private final Duration interval;
  private final Map<String, Checked> last = new ConcurrentHashMap<>();

  public ConsistencySchedule(RollupConsistency consistency, Duration interval) {
    this.consistency = consistency;
    this.interval = interval;
  }

  /** The latest report, checking again first when the interval has passed; empty before the first check. */
  public Optional<RollupConsistency.Report> latest(ClickHouseConnection connection, StreamSchema schema,
      Instant now) {
    String key = connection.url() + "/" + schema.database() + "." + schema.raw().name();
    Checked previous = last.get(key);
    if (previous == null || !previous.at().plus(interval).isAfter(now)) {
      try {
        last.put(key, new Checked(now, consistency.check(connection, schema, now)));
      } catch (RuntimeException e) {
        LOG.warn("Checking the rollups of {}.{} failed: {}", schema.database(), schema.raw().name(), e.getMessage());
      }
    }
    return Optional.ofNullable(last.get(key)).map(Checked::report);
  }
}
