package io.pulseboard.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A Redis that is not there never stops live updates: the replica computes every tick itself. */
class RedisTickCoordinatorTest {
  @Test
  void anUnreachableRedisLetsThisReplicaComputeEveryTickAtOnce() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (RedisTickCoordinator ticks = new RedisTickCoordinator("redis://127.0.0.1:" + port, "pb:live:ns/d", JsonMapper.shared(),
        Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(10), Clock.systemUTC())) {
      long start = System.nanoTime();

      boolean first = ticks.claim("panel", 1_000).get(1, TimeUnit.SECONDS);
      boolean again = ticks.claim("panel", 1_000).get(1, TimeUnit.SECONDS);
      ticks.publish(new SharedTick("panel", 1_000, 0, 120_000, 60_000, null));

      assertThat(first).isTrue();
      assertThat(again).as("without Redis nobody else computes the tick").isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }
  }
}
