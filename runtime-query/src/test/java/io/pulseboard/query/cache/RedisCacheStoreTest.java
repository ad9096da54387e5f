package io.pulseboard.query.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Redis that is not there costs a request nothing. */
class RedisCacheStoreTest {
  @Test
  void anUnreachableRedisAnswersNotFoundAtOnce() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (RedisCacheStore store = new RedisCacheStore("redis://127.0.0.1:" + port, Duration.ofMillis(250), Duration.ofSeconds(10),
        Clock.systemUTC())) {
      long start = System.nanoTime();

      store.put("pb:k", "v".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
      Optional<CachedAnswer> value = store.get("pb:k").get();

      assertThat(value).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }
  }
}
