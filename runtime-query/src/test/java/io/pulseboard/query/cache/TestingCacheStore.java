package io.pulseboard.query.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory cache that remembers each entry's TTL; {@link #down} makes it behave like a lost Redis. */
final class TestingCacheStore implements CacheStore {
  final Map<String, String> values = new ConcurrentHashMap<>();
  final Map<String, Duration> ttls = new ConcurrentHashMap<>();
  volatile boolean down;

  @Override
  public CompletableFuture<Optional<String>> get(String key) {
    return CompletableFuture.completedFuture(down ? Optional.empty() : Optional.ofNullable(values.get(key)));
  }

  @Override
  public void put(String key, String value, Duration ttl) {
    if (!down) {
      values.put(key, value);
      ttls.put(key, ttl);
    }
  }
}
