package io.pulseboard.query.panel;

import java.time.Duration;

/**
 * A validated request range {@code [from, to)} in epoch milliseconds and the step asked for. Limits keep
 * one request from asking ClickHouse for years of minutes.
 */
public record TimeWindow(long from, long to, String step) {
  public static final Duration MAX_RANGE = Duration.ofDays(400);
  /** 2100-01-01: a ClickHouse DateTime ends in 2106; later instants would wrap around. */
  public static final long MAX_INSTANT = 4_102_444_800_000L;

  public TimeWindow {
    if (from < 0 || to > MAX_INSTANT) {
      throw new BadRequestException("from and to must be epoch milliseconds between 1970 and 2100");
    }
    if (from >= to) {
      throw new BadRequestException("from must be before to");
    }
    if (to - from > MAX_RANGE.toMillis()) {
      throw new BadRequestException("the range is longer than " + MAX_RANGE.toDays() + " days");
    }
    if (step == null || step.isBlank()) {
      step = RollupRouter.AUTO;
    }
  }

  /** The window ending now with the given length. */
  public static TimeWindow last(long rangeMillis, long now) {
    return new TimeWindow(now - rangeMillis, now, RollupRouter.AUTO);
  }

  public long lengthMillis() {
    return to - from;
  }
}
