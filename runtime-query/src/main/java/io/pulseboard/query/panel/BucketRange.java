package io.pulseboard.query.panel;

import io.pulseboard.api.v1alpha1.Granularity;

/**
 * A time range on bucket boundaries of one granularity: {@code from} is the start of the first bucket,
 * {@code to} the end of the last one (exclusive). Buckets are aligned to the epoch, which for 1m, 1h and
 * 1d is what toStartOfMinute/Hour/Day on a {@code DateTime('UTC')} column produce.
 */
public record BucketRange(Granularity granularity, long fromMillis, long toMillis) {

  public BucketRange {
    long size = sizeMillis(granularity);
    if (fromMillis % size != 0 || toMillis % size != 0 || fromMillis >= toMillis) {
      throw new IllegalArgumentException("not a bucket range: " + fromMillis + ".." + toMillis + " at " + granularity.label());
    }
  }

  /** The smallest bucket range covering every instant of {@code [from, to)}. */
  public static BucketRange covering(Granularity granularity, long from, long to) {
    return new BucketRange(granularity, floor(granularity, from), ceil(granularity, to));
  }

  /** The bucket open at {@code now} and the one before it: what a live refresh re-reads. */
  public static BucketRange liveWindow(Granularity granularity, long now) {
    long open = floor(granularity, now);
    return new BucketRange(granularity, open - sizeMillis(granularity), open + sizeMillis(granularity));
  }

  public static long floor(Granularity granularity, long millis) {
    return Math.floorDiv(millis, sizeMillis(granularity)) * sizeMillis(granularity);
  }

  public static long sizeMillis(Granularity granularity) {
    return granularity.size().toMillis();
  }

  private static long ceil(Granularity granularity, long millis) {
    return -floor(granularity, -millis);
  }

  public long bucketCount() {
    return (toMillis - fromMillis) / sizeMillis(granularity);
  }

  /** Whether every bucket has ended at {@code now}, so no new event time can fall into the range. */
  public boolean closedAt(long now) {
    return toMillis <= floor(granularity, now);
  }

  public long fromSeconds() {
    return fromMillis / 1000;
  }

  public long toSeconds() {
    return toMillis / 1000;
  }
}
