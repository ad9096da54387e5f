package io.pulseboard.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DemoEventsTest {
  @Test
  void eventsCarryEveryFieldOfTheQuickstartStreamWithItsType() throws Exception {
    Instant now = Instant.parse("2026-11-29T12:00:00.123Z");
    DemoEvents events = new DemoEvents(new Random(7), Clock.fixed(now, ZoneOffset.UTC));

    for (int i = 0; i < 1000; i++) {
      JsonNode event = new ObjectMapper().readTree(events.next());
      assertThat(Instant.parse(event.get("ts").asText())).isEqualTo(now);
      assertThat(event.get("country").asText()).matches("[a-z]{2}");
      assertThat(event.get("platform").asText()).isIn("web", "ios", "android");
      assertThat(event.get("amount").isNumber()).isTrue();
      assertThat(event.get("amount").asDouble()).isPositive();
      assertThat(event.get("user_id").asText()).startsWith("u-");
      assertThat(event.get("latency_ms").asDouble()).isPositive();
    }
  }

  @Test
  void historyEventsCarryTheTimeAskedFor() throws Exception {
    DemoEvents events = new DemoEvents(new Random(7), Clock.systemUTC());
    Instant past = Instant.parse("2026-11-29T11:30:00.500Z");

    JsonNode event = new ObjectMapper().readTree(events.at(past));

    assertThat(Instant.parse(event.get("ts").asText())).isEqualTo(past);
  }
}
