package io.pulseboard.query.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pulseboard.services.SharedServices;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RedisCacheStoreIT {
  @Test
  void storesValuesThatExpire() throws Exception {
    try (RedisCacheStore store = new RedisCacheStore(SharedServices.endpoints().redis(), Duration.ofMillis(250),
        Duration.ofSeconds(10), Clock.systemUTC())) {
      String key = "pb:test:" + UUID.randomUUID();

      byte[] answer = "{\"panel\":\"é\"}".getBytes(StandardCharsets.UTF_8);
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
        store.put(key, answer, Duration.ofMillis(1_500));
        Optional<CachedAnswer> read = store.get(key).get();
        assertThat(read).isPresent();
        assertThat(read.get().json()).isEqualTo(answer);
        assertThat(read.get().timeLeft()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(1_500));
      });
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(store.get(key).get()).isEqualTo(Optional.empty()));
    }
  }
}
