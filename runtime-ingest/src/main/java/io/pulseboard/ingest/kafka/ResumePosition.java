package io.pulseboard.ingest.kafka;

/**
 * Where a newly assigned partition continues. Rows in the raw table prove an insert happened even when
 * the commit after it was lost (crash in between); the committed offset also covers dead letters after
 * the last row. So: after whichever is further.
 */
public final class ResumePosition {
  private ResumePosition() {}

  /**
   * @param committed the group's committed offset (the next offset to read), or null
   * @param maxStored the highest offset stored in the raw table for the partition, or null
   * @return the offset to seek to, or null to let {@code auto.offset.reset} decide (nothing known)
   */
  public static Long of(Long committed, Long maxStored) {
    Long afterStored = maxStored == null ? null : maxStored + 1;
    if (committed == null) {
      return afterStored;
    }
    return afterStored == null ? committed : Math.max(committed, afterStored);
  }
}
