package io.pulseboard.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.query.panel.PanelData;
import io.pulseboard.query.panel.Point;
import io.pulseboard.query.panel.Series;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LiveConnectionTest {
  private final TestingTransport transport = new TestingTransport();
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final AtomicInteger slowCloses = new AtomicInteger();

  private LiveConnection connection(long bufferLimit) {
    return new LiveConnection("c1", transport, JsonMapper.shared(), Runnable::run, now::get,
        new LiveSettings(Duration.ofSeconds(10), bufferLimit, Duration.ofSeconds(10), 0), slowCloses::incrementAndGet);
  }

  private static LiveMessages.Delta delta(long t, long v) {
    return new LiveMessages.Delta("p", "1m", t, List.of(new Series(Map.of(), List.of(new Point(t, v)))));
  }

  @Test
  void messagesAreSentOneAtATimeInOrder() {
    transport.autoComplete = false;
    LiveConnection connection = connection(1 << 20);

    connection.sendHeartbeat(1);
    connection.sendError("boom", "p");

    assertThat(transport.sent).containsExactly("{\"type\":\"heartbeat\",\"ts\":1}");
    transport.completeSend(null);
    assertThat(transport.sent).last().isEqualTo("{\"type\":\"error\",\"message\":\"boom\",\"panel\":\"p\"}");
  }

  @Test
  void deltasWaitingForASlowClientAreMergedNotQueued() {
    transport.autoComplete = false;
    LiveConnection connection = connection(1 << 20);
    connection.sendHeartbeat(1);

    connection.sendDelta(delta(0, 1));
    connection.sendDelta(delta(60_000, 2));
    connection.sendDelta(delta(60_000, 3));
    transport.completeSend(null);

    assertThat(transport.sent).hasSize(2).last().isEqualTo(
        "{\"type\":\"delta\",\"panel\":\"p\",\"granularity\":\"1m\",\"ts\":60000,\"series\":[{\"labels\":{},\"points\":[[0,1],[60000,3]]}]}");
  }

  @Test
  void aSnapshotSupersedesAWaitingDelta() {
    transport.autoComplete = false;
    LiveConnection connection = connection(1 << 20);
    connection.sendHeartbeat(1);
    connection.sendDelta(delta(0, 1));

    connection.sendSnapshot(new LiveMessages.Snapshot(new PanelData("p", "1m", 0, 60_000, List.of())));
    transport.completeSend(null);

    assertThat(transport.sent).hasSize(2).last().asString().startsWith("{\"type\":\"snapshot\",\"panel\":\"p\",\"data\":{");
  }

  @Test
  void aClientWhoseBacklogPassesTheLimitIsClosedWith4008() {
    transport.autoComplete = false;
    LiveConnection connection = connection(200);
    connection.sendHeartbeat(1);

    for (int i = 0; i < 20; i++) {
      connection.sendError("error number " + i, "p");
    }

    assertThat(transport.closeCode).isEqualTo(4008);
    assertThat(slowCloses).hasValue(1);
    transport.completeSend(null);
    assertThat(transport.sent).as("nothing more after the close").hasSize(1);
  }

  @Test
  void aSendStuckLongerThanTheLimitClosesWith4008() {
    transport.autoComplete = false;
    LiveConnection connection = connection(1 << 20);
    connection.sendHeartbeat(1);

    now.addAndGet(9_000);
    connection.closeIfStuck();
    assertThat(transport.closeCode).isNull();
    now.addAndGet(2_000);
    connection.closeIfStuck();

    assertThat(transport.closeCode).isEqualTo(4008);
  }

  @Test
  void aSendTimeoutReportedByTheContainerClosesWith4008() {
    transport.autoComplete = false;
    LiveConnection connection = connection(1 << 20);
    connection.sendHeartbeat(1);

    transport.completeSend(new SocketTimeoutException());

    assertThat(transport.closeCode).isEqualTo(4008);
  }

  @Test
  void nothingIsSentAfterClose() {
    LiveConnection connection = connection(1 << 20);
    connection.markClosed();

    connection.sendHeartbeat(1);

    assertThat(transport.sent).isEmpty();
  }

  @Test
  void aSubscriptionIsCurrentUntilReplacedOrEnded() {
    LiveConnection connection = connection(1 << 20);
    long first = connection.beginSubscription("p");
    long second = connection.beginSubscription("p");

    assertThat(connection.isCurrent("p", first)).isFalse();
    assertThat(connection.isCurrent("p", second)).isTrue();
    connection.unsubscribed("p");
    assertThat(connection.isCurrent("p", second)).isFalse();
  }
}
