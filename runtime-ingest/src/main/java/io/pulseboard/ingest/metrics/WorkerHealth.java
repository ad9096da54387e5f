package io.pulseboard.ingest.metrics;

/**
 * What the probes report, written by the consumer thread and read by the HTTP server.
 * Alive: the loop came around recently. Ready: the worker is in its consumer group, knows where every
 * assigned partition continues, and is not holding a batch it cannot store.
 */
public final class WorkerHealth {
  /** Longer than one ClickHouse socket timeout, so a slow insert does not restart the pod. */
  public static final long STALL_NANOS = 180_000_000_000L;

  private volatile long lastLoopNanos = System.nanoTime();
  private volatile boolean running;
  private volatile boolean joined;
  private volatile boolean positioned = true;
  private volatile boolean storing = true;

  public void loopStarted() {
    running = true;
    lastLoopNanos = System.nanoTime();
  }

  public void loopStopped() {
    running = false;
  }

  public void heartbeat() {
    lastLoopNanos = System.nanoTime();
  }

  public void joined() {
    joined = true;
  }

  /** False while some assigned partition waits for its stored offset to be read. */
  public void positioned(boolean value) {
    positioned = value;
  }

  /** False while a batch cannot be stored and consumption is paused. */
  public void storing(boolean value) {
    storing = value;
  }

  public boolean isAlive() {
    return running && System.nanoTime() - lastLoopNanos < STALL_NANOS;
  }

  public boolean isReady() {
    return isAlive() && joined && positioned && storing;
  }

  public String describe() {
    return "alive=" + isAlive() + " joined=" + joined + " positioned=" + positioned + " storing=" + storing;
  }
}
