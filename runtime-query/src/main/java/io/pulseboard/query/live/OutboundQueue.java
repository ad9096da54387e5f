package io.pulseboard.query.live;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.ToIntFunction;

/**
 * A connection's unsent messages, at most one per slot (such as "the delta of panel p"), oldest slot
 * first. A message for a slot that already waits is merged into it in place, so a slow client gets one
 * up-to-date message per panel instead of a growing backlog. Not thread-safe: the owner synchronizes.
 */
final class OutboundQueue<T> {
  private final Map<String, T> pending = new LinkedHashMap<>();
  private final ToIntFunction<T> sizeOf;
  private long bytes;

  OutboundQueue(ToIntFunction<T> sizeOf) {
    this.sizeOf = sizeOf;
  }

  /** Queues {@code message}, merged as {@code merge(waiting, message)} with a waiting one of the slot. */
  void offer(String slot, T message, BinaryOperator<T> merge) {
    T waiting = pending.get(slot);
    T next = waiting == null ? message : merge.apply(waiting, message);
    if (waiting != null) {
      bytes -= sizeOf.applyAsInt(waiting);
    }
    pending.put(slot, next);
    bytes += sizeOf.applyAsInt(next);
  }

  /** The oldest waiting message, removed; null when none waits. */
  T poll() {
    Iterator<T> it = pending.values().iterator();
    if (!it.hasNext()) {
      return null;
    }
    T next = it.next();
    it.remove();
    bytes -= sizeOf.applyAsInt(next);
    return next;
  }

  void remove(String slot) {
    T waiting = pending.remove(slot);
    if (waiting != null) {
      bytes -= sizeOf.applyAsInt(waiting);
    }
  }

  long bytes() {
    return bytes;
  }

  int size() {
    return pending.size();
  }
}
