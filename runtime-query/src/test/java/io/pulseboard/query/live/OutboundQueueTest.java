package io.pulseboard.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboundQueueTest {
  private final OutboundQueue<String> queue = new OutboundQueue<>(String::length);

  @Test
  void messagesLeaveInTheOrderTheirSlotsArrived() {
    queue.offer("a", "1", (w, n) -> n);
    queue.offer("b", "22", (w, n) -> n);

    assertThat(queue.poll()).isEqualTo("1");
    assertThat(queue.poll()).isEqualTo("22");
    assertThat(queue.poll()).isNull();
  }

  @Test
  void aNewerMessageForAWaitingSlotIsMergedInPlace() {
    queue.offer("delta:p", "old", (w, n) -> w + "+" + n);
    queue.offer("heartbeat", "h", (w, n) -> n);
    queue.offer("delta:p", "new", (w, n) -> w + "+" + n);

    assertThat(queue.size()).isEqualTo(2);
    assertThat(queue.bytes()).isEqualTo("old+new".length() + 1);
    assertThat(queue.poll()).isEqualTo("old+new");
    assertThat(queue.poll()).isEqualTo("h");
    assertThat(queue.bytes()).isZero();
  }

  @Test
  void removingASlotFreesItsBytes() {
    queue.offer("a", "1234", (w, n) -> n);
    queue.remove("a");
    queue.remove("missing");

    assertThat(queue.bytes()).isZero();
    assertThat(queue.poll()).isNull();
  }
}
