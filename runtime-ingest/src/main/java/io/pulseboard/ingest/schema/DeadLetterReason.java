package io.pulseboard.ingest.schema;

/** Why an event went to the dead-letter topic; the name is the {@code pulseboard.reason} header value. */
public enum DeadLetterReason {
  /** Not parseable as JSON: truncated, trailing content, a field the stream reads given twice, or an empty record. */
  MalformedJson,
  /** Valid JSON, but not an object. */
  NotAnObject,
  /** A value of the wrong type or out of its column's range, or an unreadable timestamp. */
  WrongType,
  /** A required value is missing or null. */
  MissingField,
  /** The event time is missing or null. */
  MissingTimestamp,
  /** The event time is older than the stream's lateness allows. */
  TooLate,
  /** The event time is too far in the future. */
  TooEarly,
  /** The record is larger than the event size limit. */
  TooLarge,
  /** The record is not valid UTF-8. */
  InvalidUtf8,
  /** Objects and arrays are nested deeper than the limit. */
  TooDeep
}
