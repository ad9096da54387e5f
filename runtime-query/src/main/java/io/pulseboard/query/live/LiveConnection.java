package io.pulseboard.query.live;

import io.pulseboard.query.panel.BadRequestException;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BinaryOperator;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * One live client: its subscriptions and a bounded, coalescing outbound queue drained by one
 * asynchronous send at a time. A client that cannot keep up is closed with {@link #SLOW_CLIENT} when its
 * waiting messages pass the byte limit or one send takes longer than the send time limit.
 */
final class LiveConnection {
  /** Close code for a client too slow to take its updates; it should reconnect (and will get a snapshot). */
  static final int SLOW_CLIENT = 4008;

  private static final Logger LOG = LoggerFactory.getLogger(LiveConnection.class);
  private static final BinaryOperator<Outgoing> NEWER = (waiting, newer) -> newer;

  private final String id;
  private final Transport transport;
  private final JsonMapper json;
  private final Executor executor;
  private final LongSupplier clock;
  private final LiveSettings settings;
  private final Runnable onSlowClose;
  private final OutboundQueue<Outgoing> queue = new OutboundQueue<>(Outgoing::size);
  /** Subscription generation per panel: a snapshot that arrives for an older generation is dropped. */
  private final Map<String, Long> generations = new HashMap<>();
  private final Map<String, LiveKey> subscriptions = new HashMap<>();
  private long nextGeneration;
  private long nextErrorSlot;
  private boolean sending;
  private long sendStartedAt;
  private boolean closed;

  LiveConnection(String id, Transport transport, JsonMapper json, Executor executor, LongSupplier clock,
      LiveSettings settings, Runnable onSlowClose) {
    this.id = id;
    this.transport = transport;
    this.json = json;
    this.executor = executor;
    this.clock = clock;
    this.settings = settings;
    this.onSlowClose = onSlowClose;
  }

  String id() {
    return id;
  }

  /**
   * Starts a subscription to a panel; the returned generation must be current when its snapshot lands.
   *
   * @throws BadRequestException when the connection already has {@code limit} other panels
   */
  synchronized long beginSubscription(String panel, int limit) {
    if (!generations.containsKey(panel) && generations.size() >= limit) {
      throw new BadRequestException("a connection may subscribe to at most " + limit + " panels; unsubscribe one first");
    }
    return beginSubscription(panel);
  }

  synchronized long beginSubscription(String panel) {
    long generation = ++nextGeneration;
    generations.put(panel, generation);
    return generation;
  }

  synchronized boolean isCurrent(String panel, long generation) {
    return !closed && generations.getOrDefault(panel, -1L) == generation;
  }

  /** Records what a panel is subscribed as; returns the key it had before, if any. */
  synchronized LiveKey subscribed(String panel, LiveKey key) {
    return subscriptions.put(panel, key);
  }

  /** Ends a panel's subscription (and any pending one); returns its key, if it had one. */
  synchronized LiveKey unsubscribed(String panel) {
    generations.remove(panel);
    queue.remove(snapshotSlot(panel));
    queue.remove(deltaSlot(panel));
    return subscriptions.remove(panel);
  }

  synchronized long queuedBytes() {
    return queue.bytes();
  }

  synchronized Map<String, LiveKey> subscriptions() {
    return Map.copyOf(subscriptions);
  }

  /** A snapshot supersedes whatever delta of the panel still waits. */
  void sendSnapshot(LiveMessages.Snapshot snapshot) {
    Outgoing message = new Outgoing(json.writeValueAsString(snapshot), null);
    enqueue(snapshotSlot(snapshot.panel()), message, NEWER, deltaSlot(snapshot.panel()));
  }

  void sendDelta(LiveMessages.Delta delta) {
    enqueue(deltaSlot(delta.panel()), new Outgoing(json.writeValueAsString(delta), delta), (waiting, newer) -> {
      LiveMessages.Delta merged = waiting.delta().then(newer.delta());
      return new Outgoing(json.writeValueAsString(merged), merged);
    }, null);
  }

  void sendHeartbeat(long ts) {
    enqueue("heartbeat", new Outgoing(json.writeValueAsString(new LiveMessages.Heartbeat(ts)), null), NEWER, null);
  }

  void sendError(String message, String panel) {
    String slot;
    synchronized (this) {
      slot = "error:" + nextErrorSlot++;
    }
    enqueue(slot, new Outgoing(json.writeValueAsString(new LiveMessages.Error(message, panel)), null), NEWER, null);
  }

  /** Closes the connection when one send has been running longer than the send time limit. */
  void closeIfStuck() {
    boolean stuck;
    synchronized (this) {
      stuck = !closed && sending && clock.getAsLong() - sendStartedAt > settings.sendTimeLimit().toMillis();
    }
    if (stuck) {
      closeSlow("a send took longer than " + settings.sendTimeLimit().toMillis() + " ms");
    }
  }

  /**
   * Marks the connection closed (by the peer or the server) and drops what waits; nothing is sent after
   * this. Returns whether this call closed it.
   */
  synchronized boolean markClosed() {
    if (closed) {
      return false;
    }
    closed = true;
    while (queue.poll() != null) {
      // drop what waits
    }
    return true;
  }

  /** Queues a message for its slot, first dropping the waiting message of {@code supersededSlot} if any. */
  private void enqueue(String slot, Outgoing message, BinaryOperator<Outgoing> merge, String supersededSlot) {
    long waiting;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (supersededSlot != null) {
        queue.remove(supersededSlot);
      }
      queue.offer(slot, message, merge);
      waiting = queue.bytes();
    }
    if (waiting > settings.bufferLimitBytes()) {
      closeSlow(waiting + " bytes wait to be sent");
    } else {
      pump();
    }
  }

  /** Starts the next send unless one is running. */
  private void pump() {
    Outgoing next;
    synchronized (this) {
      if (sending || closed) {
        return;
      }
      next = queue.poll();
      if (next == null) {
        return;
      }
      sending = true;
      sendStartedAt = clock.getAsLong();
    }
    transport.send(next.text(), error -> {
      synchronized (this) {
        sending = false;
      }
      if (error instanceof SocketTimeoutException) {
        closeSlow("a send took longer than " + settings.sendTimeLimit().toMillis() + " ms");
      } else if (error != null) {
        LOG.debug("live connection {}: send failed: {}", id, error.toString());
        if (markClosed()) {
          executor.execute(() -> transport.close(CloseStatus.SERVER_ERROR.getCode(), "send failed"));
        }
      } else {
        // The container may call back on the sending thread: continue elsewhere, not recursively.
        executor.execute(this::pump);
      }
    });
  }

  private void closeSlow(String why) {
    if (!markClosed()) {
      return;
    }
    LOG.info("closing live connection {} with {}: {}", id, SLOW_CLIENT, why);
    onSlowClose.run();
    executor.execute(() -> transport.close(SLOW_CLIENT, "too slow to receive updates"));
  }

  private static String snapshotSlot(String panel) {
    return "snapshot:" + panel;
  }

  private static String deltaSlot(String panel) {
    return "delta:" + panel;
  }

  /** A message ready to send; a delta keeps its value so a newer one can be merged into it. */
  private record Outgoing(String text, LiveMessages.Delta delta) {
    int size() {
      return text.length();
    }
  }
}
