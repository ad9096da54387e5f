package io.pulseboard.query.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.query.TestingPipelines;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamFreshnessTest {
  private static final long NOW = 1_800_000_000_000L;
  private static final StreamContract STREAM = new StreamContract("checkout", 1, "shop", "checkout", List.of("1m"),
      List.of(), TestingPipelines.checkout().measures(), Map.of(), 60_000L);

  @Test
  void theStateFollowsTheStreamsThreshold() {
    assertThat(StreamFreshness.state(STREAM, NOW - 60_000, null, NOW))
        .isEqualTo(new StreamFreshness.StreamState("checkout", NOW - 60_000, 60_000L, "fresh", 60_000));
    assertThat(StreamFreshness.state(STREAM, NOW - 61_000, null, NOW).state()).isEqualTo("lagging");
    assertThat(StreamFreshness.state(STREAM, NOW - 300_000, null, NOW).state()).isEqualTo("lagging");
    assertThat(StreamFreshness.state(STREAM, NOW - 300_001, null, NOW).state()).isEqualTo("stale");
    assertThat(StreamFreshness.state(STREAM, 0L, null, NOW))
        .isEqualTo(new StreamFreshness.StreamState("checkout", null, null, "empty", 60_000));
    assertThat(StreamFreshness.state(STREAM, null, new RuntimeException("down"), NOW).state()).isEqualTo("unknown");
  }

  @Test
  void aStreamWithoutAThresholdUsesFiveMinutes() {
    assertThat(TestingPipelines.checkout().freshnessMaxAgeMillis()).isEqualTo(300_000);
  }
}
