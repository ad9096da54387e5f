package io.pulseboard.query.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeWindowTest {
  @Test
  void fromMustBeBeforeTo() {
    assertThatThrownBy(() -> new TimeWindow(2_000, 2_000, "auto")).isInstanceOf(BadRequestException.class).hasMessage("from must be before to");
    assertThatThrownBy(() -> new TimeWindow(3_000, 2_000, "auto")).isInstanceOf(BadRequestException.class);
  }

  @Test
  void rangesLongerThanFourHundredDaysAreRefused() {
    long days400 = Duration.ofDays(400).toMillis();

    assertThat(new TimeWindow(0, days400, "1d").lengthMillis()).isEqualTo(days400);
    assertThatThrownBy(() -> new TimeWindow(0, days400 + 1, "1d")).isInstanceOf(BadRequestException.class).hasMessageContaining("400 days");
  }

  @Test
  void instantsOutsideClickHouseDateTimeAreRefused() {
    assertThatThrownBy(() -> new TimeWindow(-1, 1_000, "auto")).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> new TimeWindow(TimeWindow.MAX_INSTANT, TimeWindow.MAX_INSTANT + 1, "auto")).isInstanceOf(BadRequestException.class);
  }

  @Test
  void theStepDefaultsToAuto() {
    assertThat(new TimeWindow(0, 1_000, null).step()).isEqualTo("auto");
    assertThat(TimeWindow.last(1_000, 5_000)).isEqualTo(new TimeWindow(4_000, 5_000, "auto"));
  }
}
