package io.pulseboard.ingest.schema;

/**
 * An event that fits the stream's schema.
 *
 * @param timeMillis event time, epoch milliseconds
 * @param values one value per column in pipeline order: String, Long (int64, and datetime in epoch
 *     seconds), Double or Boolean; a missing optional value is already replaced by its type's default
 */
public record ParsedEvent(long timeMillis, Object[] values) implements ParseResult {}
