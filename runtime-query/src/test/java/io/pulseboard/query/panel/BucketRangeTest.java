package io.pulseboard.query.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseboard.api.v1alpha1.Granularity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BucketRangeTest {
  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void snapsOutwardToWholeMinutes() {
    BucketRange range = BucketRange.covering(Granularity.MINUTE, at("2026-03-01T10:00:30Z"), at("2026-03-01T10:05:00.001Z"));

    assertThat(range.fromMillis()).isEqualTo(at("2026-03-01T10:00:00Z"));
    assertThat(range.toMillis()).isEqualTo(at("2026-03-01T10:06:00Z"));
    assertThat(range.bucketCount()).isEqualTo(6);
  }

  @Test
  void keepsBoundariesThatAreAlreadyOnBuckets() {
    BucketRange range = BucketRange.covering(Granularity.HOUR, at("2026-03-01T10:00:00Z"), at("2026-03-01T12:00:00Z"));

    assertThat(range.fromMillis()).isEqualTo(at("2026-03-01T10:00:00Z"));
    assertThat(range.toMillis()).isEqualTo(at("2026-03-01T12:00:00Z"));
    assertThat(range.bucketCount()).isEqualTo(2);
  }

  @Test
  void daysAreUtcDays() {
    BucketRange range = BucketRange.covering(Granularity.DAY, at("2026-03-01T23:59:59Z"), at("2026-03-02T00:00:01Z"));

    assertThat(range.fromMillis()).isEqualTo(at("2026-03-01T00:00:00Z"));
    assertThat(range.toMillis()).isEqualTo(at("2026-03-03T00:00:00Z"));
    assertThat(range.fromSeconds()).isEqualTo(at("2026-03-01T00:00:00Z") / 1000);
  }

  @Test
  void liveWindowIsThePreviousAndTheOpenBucket() {
    BucketRange window = BucketRange.liveWindow(Granularity.MINUTE, at("2026-03-01T10:07:42Z"));

    assertThat(window.fromMillis()).isEqualTo(at("2026-03-01T10:06:00Z"));
    assertThat(window.toMillis()).isEqualTo(at("2026-03-01T10:08:00Z"));
  }

  @Test
  void aRangeIsClosedOnceItsLastBucketEnded() {
    BucketRange range = BucketRange.covering(Granularity.MINUTE, at("2026-03-01T10:00:00Z"), at("2026-03-01T10:05:00Z"));

    assertThat(range.closedAt(at("2026-03-01T10:04:59Z"))).isFalse();
    assertThat(range.closedAt(at("2026-03-01T10:05:00Z"))).isTrue();
  }

  @Test
  void refusesRangesOffTheBuckets() {
    assertThatThrownBy(() -> new BucketRange(Granularity.HOUR, 1_000, 3_600_000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BucketRange(Granularity.HOUR, 3_600_000, 3_600_000)).isInstanceOf(IllegalArgumentException.class);
  }
}
