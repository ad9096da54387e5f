package io.pulseboard.query.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClosedAnswerMemoryTest {
  private static final byte[] ANSWER = "{\"panel\":\"events\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void keepsAnAnswerForItsTimeToLive() {
    ClosedAnswerMemory memory = new ClosedAnswerMemory(1 << 20, new SimpleMeterRegistry());

    memory.put("k", ANSWER, Duration.ofHours(1));

    assertThat(memory.get("k")).isEqualTo(ANSWER);
    assertThat(memory.get("other")).isNull();
  }

  @Test
  void noMemoryKeepsNothingNotEvenForAMoment() {
    ClosedAnswerMemory memory = new ClosedAnswerMemory(0, new SimpleMeterRegistry());

    memory.put("k", ANSWER, Duration.ofHours(1));

    assertThat(memory.get("k")).isNull();
  }

  @Test
  void anEntryWithNoTimeLeftIsNotKept() {
    ClosedAnswerMemory memory = new ClosedAnswerMemory(1 << 20, new SimpleMeterRegistry());

    memory.put("zero", ANSWER, Duration.ZERO);
    memory.put("negative", ANSWER, Duration.ofMillis(-1));

    assertThat(memory.get("zero")).isNull();
    assertThat(memory.get("negative")).isNull();
  }
}
