package io.pulseboard.ingest.schema;

/** What the parser made of one record: a row to insert, or the reason it cannot be one. */
public sealed interface ParseResult permits ParsedEvent, Rejection {}
