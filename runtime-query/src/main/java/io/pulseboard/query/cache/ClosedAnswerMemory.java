package io.pulseboard.query.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;

/**
 * Answers of closed ranges kept in this process, in front of Redis: such an answer no longer changes, so
 * a repeated request is sent from memory without a network round trip. Bounded by the bytes of JSON held
 * (the least used go first); each entry lives no longer than its Redis copy, so both tiers agree on when a
 * late event shows up.
 */
public final class ClosedAnswerMemory {
  /** Null when no memory is given: Caffeine evicts in the background, so a zero bound would still hold a few. */
  private final Cache<String, Entry> entries;

  /** @param maxBytes JSON bytes held at most; 0 keeps nothing */
  public ClosedAnswerMemory(long maxBytes, MeterRegistry registry) {
    if (maxBytes <= 0) {
      this.entries = null;
      return;
    }
    this.entries = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((String key, Entry entry) -> entry.json().length)
        .expireAfter(Expiry.writing((String key, Entry entry) -> entry.ttl()))
        .recordStats()
        .build();
    CaffeineCacheMetrics.monitor(registry, entries, "pulseboard.query.closed.answers");
  }

  /** The answer, or null. */
  public byte[] get(String key) {
    Entry entry = entries == null ? null : entries.getIfPresent(key);
    return entry == null ? null : entry.json();
  }

  public void put(String key, byte[] json, Duration ttl) {
    if (entries != null && !ttl.isNegative() && !ttl.isZero()) {
      entries.put(key, new Entry(json, ttl));
    }
  }

  private record Entry(byte[] json, Duration ttl) {}
}
