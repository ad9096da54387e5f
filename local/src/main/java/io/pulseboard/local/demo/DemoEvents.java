package io.pulseboard.local.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Checkout events for the quickstart stream: {@code ts} (ISO-8601), {@code country}, {@code platform},
 * {@code amount}, {@code user_id} and {@code latency_ms}, with skews that make the charts worth looking at
 * (more traffic from some countries, slower mobile checkouts, a long latency tail).
 */
final class DemoEvents {
  private static final List<String> COUNTRIES = List.of("us", "us", "us", "de", "de", "gb", "fr", "jp", "br", "in");
  private static final List<String> PLATFORMS = List.of("web", "web", "ios", "android");
  private static final int USERS = 5_000;

  private final ObjectMapper mapper = new ObjectMapper();
  private final Random random;
  private final Clock clock;

  DemoEvents(Random random, Clock clock) {
    this.random = random;
    this.clock = clock;
  }

  String next() {
    return at(clock.instant());
  }

  /** An event that happened at {@code time}. */
  String at(Instant time) {
    String platform = pick(PLATFORMS);
    ObjectNode event = mapper.createObjectNode();
    event.put("ts", time.toString());
    event.put("country", pick(COUNTRIES));
    event.put("platform", platform);
    event.put("amount", Math.round(Math.exp(3 + random.nextGaussian() * 0.8) * 100) / 100.0);
    event.put("user_id", "u-" + random.nextInt(USERS));
    double base = platform.equals("web") ? 60 : 110;
    event.put("latency_ms", Math.round((base + -Math.log(1 - random.nextDouble()) * base * 0.5) * 10) / 10.0);
    return event.toString();
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
