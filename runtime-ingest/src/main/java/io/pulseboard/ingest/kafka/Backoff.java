package io.pulseboard.ingest.kafka;

/** Exponential retry delays: initial, doubled after each failure, capped; reset after a success. */
public final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private long nextMillis;

  public Backoff(long initialMillis, long maxMillis) {
    this.initialMillis = initialMillis;
    this.maxMillis = maxMillis;
    this.nextMillis = initialMillis;
  }

  /** The delay before the next attempt; each call doubles the following one, up to the cap. */
  public long next() {
    long delay = nextMillis;
    nextMillis = Math.min(maxMillis, nextMillis * 2);
    return delay;
  }

  public void reset() {
    nextMillis = initialMillis;
  }
}
