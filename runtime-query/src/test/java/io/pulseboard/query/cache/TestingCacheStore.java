package io.pulseboard.query.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory cache that remembers each entry's TTL; {@link #down} makes it behave like a lost Redis. */
final class TestingCacheStore implements CacheStore {
  final Map<String, byte[]> values = new ConcurrentHashMap<>();
  final Map<String, Duration> ttls = new ConcurrentHashMap<>();
  volatile boolean down;
  volatile int reads;

  @Override
  public CompletableFuture<Optional<CachedAnswer>> get(String key) {
    reads++;
    byte[] value = down ? null : values.get(key);
    return CompletableFuture.completedFuture(Optional.ofNullable(value).map(json -> new CachedAnswer(json, ttls.get(key))));
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    if (!down) {
      values.put(key, value);
      ttls.put(key, ttl);
    }
  }
}
