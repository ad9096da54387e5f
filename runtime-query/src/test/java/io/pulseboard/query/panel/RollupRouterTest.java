package io.pulseboard.query.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseboard.api.v1alpha1.Granularity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollupRouterTest {
  private static final List<String> ALL = List.of("1m", "1h", "1d");
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long DAY = Duration.ofDays(1).toMillis();

  @Test
  void anExplicitStepPicksThatRollup() {
    assertThat(RollupRouter.route(ALL, "1m", DAY)).isEqualTo(Granularity.MINUTE);
    assertThat(RollupRouter.route(ALL, "1h", DAY)).isEqualTo(Granularity.HOUR);
    assertThat(RollupRouter.route(ALL, "1d", DAY)).isEqualTo(Granularity.DAY);
  }

  @Test
  void aStepPicksTheCoarsestRollupNotCoarserThanTheStep() {
    List<String> minuteAndDay = List.of("1m", "1d");

    assertThat(RollupRouter.route(minuteAndDay, "1h", DAY)).isEqualTo(Granularity.MINUTE);
    assertThat(RollupRouter.route(minuteAndDay, "1d", DAY)).isEqualTo(Granularity.DAY);
  }

  @Test
  void aStepFinerThanEveryRollupGetsTheFinestOne() {
    assertThat(RollupRouter.route(List.of("1h", "1d"), "1m", DAY)).isEqualTo(Granularity.HOUR);
  }

  @Test
  void autoKeepsAtMostFifteenHundredPoints() {
    assertThat(RollupRouter.route(ALL, "auto", HOUR)).isEqualTo(Granularity.MINUTE);
    assertThat(RollupRouter.route(ALL, "auto", 25 * HOUR)).isEqualTo(Granularity.MINUTE);
    assertThat(RollupRouter.route(ALL, "auto", 25 * HOUR + 60_000)).isEqualTo(Granularity.HOUR);
    assertThat(RollupRouter.route(ALL, "auto", 62 * DAY)).isEqualTo(Granularity.HOUR);
    assertThat(RollupRouter.route(ALL, "auto", 63 * DAY)).isEqualTo(Granularity.DAY);
    assertThat(RollupRouter.route(ALL, null, HOUR)).isEqualTo(Granularity.MINUTE);
  }

  @Test
  void autoUsesOnlyTheStreamsRollups() {
    assertThat(RollupRouter.route(List.of("1h", "1d"), "auto", HOUR)).isEqualTo(Granularity.HOUR);
    assertThat(RollupRouter.route(List.of("1m"), "auto", 300 * DAY)).isEqualTo(Granularity.MINUTE);
  }

  @Test
  void anUnknownStepIsABadRequest() {
    assertThatThrownBy(() -> RollupRouter.route(ALL, "5m", HOUR))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("auto, 1m, 1h or 1d");
    assertThatThrownBy(() -> RollupRouter.route(ALL, "1m; DROP TABLE x", HOUR)).isInstanceOf(BadRequestException.class);
  }
}
