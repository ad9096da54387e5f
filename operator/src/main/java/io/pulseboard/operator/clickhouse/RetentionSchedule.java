package io.pulseboard.operator.clickhouse;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link RetentionEnforcer} for a stream at most once per {@link #INTERVAL}, and only where the
 * server cannot expire rows itself (floor dialect); modern servers have a TTL on each table. A failure is
 * logged and tried again at the next interval: retention running late never makes a stream unready.
 */
public final class RetentionSchedule {
  public static final Duration INTERVAL = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

  private final RetentionEnforcer enforcer;
  private final Map<String, Instant> lastRun = new ConcurrentHashMap<>();

  public RetentionSchedule(RetentionEnforcer enforcer) {
    this.enforcer = enforcer;
  }

  public void runIfDue(ClickHouseConnection connection, StreamSchema schema, String serverVersion, Instant now) {
    if (!(Dialects.forVersion(serverVersion) instanceof FloorDialect) || !hasRetention(schema)) {
      return;
    }
    String key = connection.url() + "/" + schema.database() + "." + schema.raw().name();
    Instant last = lastRun.get(key);
    if (last != null && last.plus(INTERVAL).isAfter(now)) {
      return;
    }
    lastRun.put(key, now);
    try {
      enforcer.enforce(connection, schema, now);
    } catch (RuntimeException e) {
      LOG.warn("Dropping expired partitions of {}.{} failed; trying again in {}", schema.database(),
          schema.raw().name(), INTERVAL, e);
    }
  }

  private static boolean hasRetention(StreamSchema schema) {
    return schema.raw().retention().isPresent() || schema.rollups().stream().anyMatch(r -> r.retention().isPresent());
  }
}
