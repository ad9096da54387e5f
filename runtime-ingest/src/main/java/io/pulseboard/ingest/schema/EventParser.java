package io.pulseboard.ingest.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.IngestPipeline;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one Kafka record value into typed column values, or into a {@link Rejection}. One streaming pass
 * over the JSON: only the objects on the way to a wanted path are followed, everything else is read for
 * well-formedness and dropped, so large events with few used fields stay cheap.
 *
 * <p>Not thread-safe in the sense that it is meant for the one consumer thread; it holds no per-event state.
 */
public final class EventParser {
  /** Largest accepted record value (decimal megabyte: a dead letter of that size still fits a default Kafka record). */
  public static final int MAX_EVENT_BYTES = 1_000_000;
  /** Deepest accepted nesting of objects and arrays. */
  public static final int MAX_DEPTH = 64;
  /** Events further ahead than this are rejected: a clock that far off is a producer bug. */
  public static final Duration MAX_FUTURE = Duration.ofMinutes(10);

  // No STRICT_DUPLICATE_DETECTION: it costs a HashSet per object per event (a top item of the profile).
  // Duplicates are rejected where they matter, for the fields the stream reads (see Scan.claim).
  private static final JsonFactory FACTORY = JsonFactory.builder()
      // Same results as Double.parseDouble (both round correctly), at a fraction of its cost (FastDoubleParser).
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      // A safety net above our own depth check, which reports the precise reason.
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
      .build();

  private final List<ColumnSpec> columns;
  private final String timestampPath;
  private final int timestampSlot;
  private final Map<String, int[]> slotsByPath;
  private final Set<String> objectPaths;
  private final long latenessMillis;
  private final long maxFutureMillis;
  private final Clock clock;

  public EventParser(IngestPipeline pipeline, Clock clock) {
    this.columns = pipeline.columns();
    this.timestampPath = pipeline.timestampPath();
    this.timestampSlot = columns.size();
    this.latenessMillis = pipeline.latenessMillis();
    this.maxFutureMillis = MAX_FUTURE.toMillis();
    this.clock = clock;
    Map<String, List<Integer>> slots = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      slots.computeIfAbsent(columns.get(i).path(), k -> new ArrayList<>()).add(i);
    }
    slots.computeIfAbsent(timestampPath, k -> new ArrayList<>()).add(timestampSlot);
    this.slotsByPath = new HashMap<>();
    this.objectPaths = new HashSet<>();
    for (Map.Entry<String, List<Integer>> e : slots.entrySet()) {
      slotsByPath.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
      String path = e.getKey();
      for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
        objectPaths.add(path.substring(0, dot));
      }
    }
  }

  public ParseResult parse(byte[] value) {
    if (value == null || value.length == 0) {
      return new Rejection(DeadLetterReason.MalformedJson, "the record has no value");
    }
    if (value.length > MAX_EVENT_BYTES) {
      return new Rejection(DeadLetterReason.TooLarge,
          "the event has " + value.length + " bytes; the limit is " + MAX_EVENT_BYTES);
    }
    int invalid = Utf8.firstInvalid(value);
    if (invalid >= 0) {
      return new Rejection(DeadLetterReason.InvalidUtf8, "invalid UTF-8 sequence at byte " + invalid);
    }
    Scan scan = new Scan();
    try (JsonParser parser = FACTORY.createParser(value)) {
      Rejection syntax = scan.run(parser);
      if (syntax != null) {
        return syntax;
      }
    } catch (JsonProcessingException e) {
      return new Rejection(DeadLetterReason.MalformedJson, "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return new Rejection(DeadLetterReason.MalformedJson, "unreadable JSON: " + e.getMessage());
    }
    return scan.finish();
  }

  /** The state of one event's parse. */
  private final class Scan {
    private final Object[] values = new Object[columns.size() + 1];
    private final boolean[] seen = new boolean[columns.size() + 1];
    private Rejection firstProblem;

    /** Reads the whole document; returns a rejection for anything but one well-formed object. */
    Rejection run(JsonParser p) throws IOException {
      JsonToken first = p.nextToken();
      if (first == null) {
        return new Rejection(DeadLetterReason.MalformedJson, "the record holds no JSON value");
      }
      if (first != JsonToken.START_OBJECT) {
        return new Rejection(DeadLetterReason.NotAnObject, "the event is " + kind(first) + ", not a JSON object");
      }
      // Path of each open container; null when nothing below it is wanted (or it is an array).
      String[] paths = new String[MAX_DEPTH + 1];
      int depth = 1;
      paths[depth] = "";
      String field = null;
      while (depth > 0) {
        JsonToken t = p.nextToken();
        if (t == null) {
          return new Rejection(DeadLetterReason.MalformedJson, "malformed JSON: unexpected end of input");
        }
        switch (t) {
          case FIELD_NAME -> field = p.currentName();
          case END_OBJECT, END_ARRAY -> depth--;
          case START_OBJECT, START_ARRAY -> {
            if (depth == MAX_DEPTH) {
              return new Rejection(DeadLetterReason.TooDeep, "objects and arrays are nested deeper than " + MAX_DEPTH);
            }
            String path = childPath(paths[depth], field);
            int[] slots = path == null ? null : slotsByPath.get(path);
            if (slots != null) {
              if (!claim(slots)) {
                return duplicate(path);
              }
              for (int slot : slots) {
                wrongType(slot, kind(t));
              }
            }
            depth++;
            paths[depth] = t == JsonToken.START_OBJECT && path != null && objectPaths.contains(path) ? path : null;
          }
          default -> {
            String path = childPath(paths[depth], field);
            int[] slots = path == null ? null : slotsByPath.get(path);
            if (slots != null) {
              if (!claim(slots)) {
                return duplicate(path);
              }
              for (int slot : slots) {
                values[slot] = slot == timestampSlot ? eventTime(p, t) : columnValue(slot, p, t);
              }
            }
          }
        }
      }
      if (p.nextToken() != null) {
        return new Rejection(DeadLetterReason.MalformedJson, "malformed JSON: content after the event object");
      }
      return null;
    }

    /** Marks the slots of a field as read; false when the event names that field a second time. */
    private boolean claim(int[] slots) {
      if (seen[slots[0]]) {
        return false;
      }
      for (int slot : slots) {
        seen[slot] = true;
      }
      return true;
    }

    private Rejection duplicate(String path) {
      return new Rejection(DeadLetterReason.MalformedJson, "malformed JSON: duplicate field '" + path + "'");
    }

    ParseResult finish() {
      if (firstProblem != null) {
        return firstProblem;
      }
      Object time = values[timestampSlot];
      if (time == null) {
        return new Rejection(DeadLetterReason.MissingTimestamp, "the event time '" + timestampPath + "' is missing or null");
      }
      for (int i = 0; i < columns.size(); i++) {
        if (values[i] == null) {
          ColumnSpec column = columns.get(i);
          if (!column.optional()) {
            return new Rejection(DeadLetterReason.MissingField, "required field " + describe(column) + " is missing or null");
          }
          values[i] = ColumnDefaults.of(column.type());
        }
      }
      long timeMillis = (Long) time;
      long now = clock.millis();
      if (timeMillis < now - latenessMillis) {
        return new Rejection(DeadLetterReason.TooLate, "the event time '" + timestampPath + "' is "
            + Duration.ofMillis(now - timeMillis) + " old; the stream accepts " + Duration.ofMillis(latenessMillis));
      }
      if (timeMillis > now + maxFutureMillis) {
        return new Rejection(DeadLetterReason.TooEarly, "the event time '" + timestampPath + "' is "
            + Duration.ofMillis(timeMillis - now) + " in the future; the limit is " + MAX_FUTURE);
      }
      Object[] row = new Object[columns.size()];
      System.arraycopy(values, 0, row, 0, row.length);
      return new ParsedEvent(timeMillis, row);
    }

    private Object eventTime(JsonParser p, JsonToken t) throws IOException {
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      Long millis = epochMillis(p, t);
      if (millis == null) {
        wrongType(timestampSlot, describeValue(p, t));
      }
      return millis;
    }

    private Object columnValue(int slot, JsonParser p, JsonToken t) throws IOException {
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      Object value = switch (columns.get(slot).type()) {
        case string -> t == JsonToken.VALUE_STRING ? p.getText() : null;
        case bool -> t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        case int64 -> t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
            ? (Object) p.getLongValue() : null;
        case float64 -> isNumber(t) && Double.isFinite(p.getDoubleValue()) ? (Object) p.getDoubleValue() : null;
        case datetime -> {
          Long millis = epochMillis(p, t);
          yield millis == null ? null : ColumnDefaults.dateTimeSeconds(millis);
        }
      };
      if (value == null) {
        wrongType(slot, describeValue(p, t));
      }
      return value;
    }

    private Long epochMillis(JsonParser p, JsonToken t) throws IOException {
      if (t == JsonToken.VALUE_STRING) {
        return EventTimes.parseIso(p.getText());
      }
      if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
        return p.getLongValue();
      }
      return null;
    }

    private void wrongType(int slot, String got) {
      if (firstProblem == null) {
        String what = slot == timestampSlot ? "the event time '" + timestampPath + "'" : "field " + describe(columns.get(slot));
        String expected = slot == timestampSlot ? "ISO-8601 text with a zone or epoch milliseconds" : expectation(columns.get(slot));
        firstProblem = new Rejection(DeadLetterReason.WrongType, what + " must be " + expected + ", got " + got);
      }
    }
  }

  private static String childPath(String parent, String field) {
    if (parent == null || field == null) {
      return null;
    }
    return parent.isEmpty() ? field : parent + "." + field;
  }

  /** What was found instead of the expected value, for the dead letter's detail. */
  private static String describeValue(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> "the string \"" + abbreviate(p.getText()) + "\"";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + abbreviate(p.getText());
      default -> kind(t);
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  private static boolean isNumber(JsonToken t) {
    return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
  }

  private static String describe(ColumnSpec column) {
    return column.name().equals(column.path())
        ? "'" + column.name() + "'"
        : "'" + column.name() + "' (path '" + column.path() + "')";
  }

  private static String expectation(ColumnSpec column) {
    return switch (column.type()) {
      case string -> "a string";
      case bool -> "true or false";
      case int64 -> "an integer within Int64";
      case float64 -> "a finite number";
      case datetime -> "ISO-8601 text with a zone or epoch milliseconds, between 1970 and 2106";
    };
  }

  private static String kind(JsonToken t) {
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.name();
    };
  }
}
