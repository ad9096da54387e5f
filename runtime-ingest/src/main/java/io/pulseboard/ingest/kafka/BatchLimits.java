package io.pulseboard.ingest.kafka;

import io.pulseboard.api.pipeline.IngestPipeline;

/**
 * When a batch is flushed: at {@code maxEvents} consumed events (rows and dead letters), at
 * {@code maxBytes} held bytes, or {@code maxDelayMillis} after its first event, whichever comes first.
 */
public record BatchLimits(int maxEvents, long maxBytes, long maxDelayMillis) {
  public BatchLimits {
    if (maxEvents <= 0 || maxBytes <= 0 || maxDelayMillis <= 0) {
      throw new IllegalArgumentException("batch limits must be positive: " + maxEvents + ", " + maxBytes + ", " + maxDelayMillis);
    }
  }

  public static BatchLimits of(IngestPipeline pipeline) {
    return new BatchLimits(pipeline.maxBatchRows(), pipeline.maxBatchBytes(), pipeline.maxBatchDelayMillis());
  }
}
