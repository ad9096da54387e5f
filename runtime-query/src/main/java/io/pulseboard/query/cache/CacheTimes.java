package io.pulseboard.query.cache;

import java.time.Duration;

/**
 * How long answers are cached once all their buckets have ended.
 *
 * @param closedTtl lifetime of an answer whose buckets have all ended; events later than this (within
 *     the stream's lateness) show up after at most this long
 * @param settle how long after a bucket ends it still counts as open, for events in ingest batches
 */
public record CacheTimes(Duration closedTtl, Duration settle) {}
