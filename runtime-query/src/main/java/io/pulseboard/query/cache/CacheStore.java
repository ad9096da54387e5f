package io.pulseboard.query.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Where answers are kept between requests. A store that fails answers "not found"; it never fails a request. */
public interface CacheStore {
  /** The entry and how long it has left to live. */
  CompletableFuture<Optional<CachedAnswer>> get(String key);

  /** Stores in the background; errors are the store's to log. */
  void put(String key, byte[] json, Duration ttl);

  /** The store used when no Redis is configured. */
  CacheStore NONE = new CacheStore() {
    @Override
    public CompletableFuture<Optional<CachedAnswer>> get(String key) {
      return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public void put(String key, byte[] json, Duration ttl) {}
  };
}
