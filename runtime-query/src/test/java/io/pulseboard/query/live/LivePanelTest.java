package io.pulseboard.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.query.TestingPipelines;
import io.pulseboard.query.panel.BucketRange;
import io.pulseboard.query.panel.DashboardCatalog;
import io.pulseboard.query.panel.PanelData;
import io.pulseboard.query.panel.Point;
import io.pulseboard.query.panel.Series;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LivePanelTest {
  private static final BucketRange WINDOW = new BucketRange(Granularity.MINUTE, 60_000, 180_000);
  private static final long OPEN = 120_000;

  private final LivePanel panel = new LivePanel(new LiveKey("revenue", Granularity.MINUTE),
      DashboardCatalog.of(TestingPipelines.dashboard()).panel("shop-health", "revenue"), "revenue-1m");
  private final TestingTransport transport = new TestingTransport();
  private final LiveConnection connection = new LiveConnection("c", transport, JsonMapper.shared(), Runnable::run,
      () -> 0L, new LiveSettings(Duration.ofSeconds(10), 1 << 20, Duration.ofSeconds(10), 0), () -> {});

  private static PanelData window(Series... series) {
    return new PanelData("revenue", "1m", WINDOW.fromMillis(), WINDOW.toMillis(), List.of(series));
  }

  private static Series de(long previous, long open) {
    return new Series(Map.of("country", "de"), List.of(new Point(60_000, previous), new Point(OPEN, open)));
  }

  @Test
  void onlyTheOpenBucketIsPushedWhenNothingElseChanged() {
    panel.attach(connection, new PanelData("revenue", "1m", 0, 180_000, List.of()));
    panel.apply(1, WINDOW, window(de(3, 4)), OPEN);

    panel.apply(2, WINDOW, window(de(3, 4), new Series(Map.of("country", "fr"), List.of(new Point(60_000, 1)))), OPEN);

    assertThat(transport.sent).hasSize(3);
    assertThat(transport.sent.get(2)).isEqualTo("{\"type\":\"delta\",\"panel\":\"revenue\",\"granularity\":\"1m\",\"ts\":2,\"series\":["
        + "{\"labels\":{\"country\":\"de\"},\"points\":[[120000,4]]},"
        + "{\"labels\":{\"country\":\"fr\"},\"points\":[[60000,1]]}]}");
  }

  @Test
  void nothingIsPushedWhenNothingChangedAndTheOpenBucketIsEmpty() {
    panel.attach(connection, new PanelData("revenue", "1m", 0, 180_000, List.of()));
    Series closedOnly = new Series(Map.of("country", "de"), List.of(new Point(60_000, 3)));
    panel.apply(1, WINDOW, window(closedOnly), OPEN);

    panel.apply(2, WINDOW, window(closedOnly), OPEN);

    assertThat(transport.sent).hasSize(2);
  }

  @Test
  void aTickOlderThanOneAlreadyAppliedIsIgnored() {
    panel.attach(connection, new PanelData("revenue", "1m", 0, 180_000, List.of()));
    panel.apply(5, WINDOW, window(de(3, 4)), OPEN);

    panel.apply(4, WINDOW, window(de(3, 2)), OPEN);
    panel.apply(5, WINDOW, window(de(3, 2)), OPEN);

    assertThat(transport.sent).hasSize(2);
  }
}
