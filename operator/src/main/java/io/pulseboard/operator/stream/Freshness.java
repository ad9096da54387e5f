package io.pulseboard.operator.stream;

import java.time.Instant;

/**
 * What a freshness check measured.
 *
 * @param lag consumer-group lag in messages, null when it could not be read
 * @param lastIngestedAt when the newest raw row was ingested, null when raw is empty or unreadable
 * @param error why a figure is missing, null when both were read
 */
record Freshness(Long lag, Instant lastIngestedAt, String error) {}
