package io.pulseboard.ingest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.ingest.TestingPipelines;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventParserTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private final EventParser parser = new EventParser(TestingPipelines.allTypes(), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void readsEveryTypeIncludingNestedPaths() {
    ParsedEvent event = accepted("""
        {"ts":"2024-05-01T11:59:30.250Z","country":"de","device":{"platform":"ios","model":{"deep":[1,2]}},
         "amount":12.5,"qty":-3,"vip":true,"meta":{"shipping":{"at":1714564800000}},"ignored":{"x":[{"y":null}]}}""");

    assertThat(event.timeMillis()).isEqualTo(Instant.parse("2024-05-01T11:59:30.250Z").toEpochMilli());
    assertThat(event.values()).containsExactly("de", "ios", 12.5d, -3L, true, 1714564800L);
  }

  @Test
  void fillsMissingOptionalValuesWithDefaults() {
    ParsedEvent event = accepted("{\"ts\":1714564790000,\"country\":\"fr\",\"amount\":3,\"vip\":null}");

    assertThat(event.values()).containsExactly("fr", "", 3.0d, 0L, false, 0L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-05-01T11:30:00Z", "2024-05-01T13:30:00+02:00", "2024-05-01T11:30:00.123456789Z"})
  void acceptsIsoTimestampsWithZoneOrOffset(String ts) {
    ParsedEvent event = accepted("{\"ts\":\"" + ts + "\",\"country\":\"de\",\"amount\":1}");

    assertThat(event.timeMillis()).isEqualTo(Instant.parse("2024-05-01T11:30:00Z").toEpochMilli() + (ts.contains(".") ? 123 : 0));
  }

  @Test
  void acceptsUnicodeText() {
    ParsedEvent event = accepted("{\"ts\":1714564790000,\"country\":\"Österreich 🇦🇹\",\"amount\":1}");

    assertThat(event.values()[0]).isEqualTo("Österreich 🇦🇹");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "truncated           | {\"ts\":1714564790000,\"country\":\"de\",\"amo",
      "trailing content    | {\"ts\":1714564790000,\"country\":\"de\",\"amount\":1} {}",
      "unquoted key        | {ts:1714564790000}",
      "duplicate key       | {\"ts\":1714564790000,\"country\":\"de\",\"country\":\"fr\",\"amount\":1}",
      "duplicate null key  | {\"ts\":1714564790000,\"country\":\"de\",\"amount\":null,\"amount\":1}",
      "duplicate timestamp | {\"ts\":1714564790000,\"country\":\"de\",\"amount\":1,\"ts\":1714564790001}",
      "not JSON at all     | hello",
      "whitespace only     | '   '"})
  void rejectsMalformedJson(String name, String json) {
    assertRejected(json, DeadLetterReason.MalformedJson, "");
  }

  @Test
  void acceptsADuplicatedFieldTheStreamDoesNotRead() {
    ParsedEvent event = accepted("{\"ts\":1714564790000,\"country\":\"de\",\"note\":1,\"note\":2,\"amount\":1}");

    assertThat(event.values()[0]).isEqualTo("de");
  }

  @Test
  void rejectsAnEmptyOrMissingValue() {
    assertThat(parser.parse(null)).isEqualTo(new Rejection(DeadLetterReason.MalformedJson, "the record has no value"));
    assertThat(parser.parse(new byte[0])).isEqualTo(new Rejection(DeadLetterReason.MalformedJson, "the record has no value"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "\"text\"", "42", "null", "true"})
  void rejectsValuesThatAreNotObjects(String json) {
    assertRejected(json, DeadLetterReason.NotAnObject, "not a JSON object");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "string as number    | {\"ts\":1714564790000,\"country\":7,\"amount\":1}                    | field 'country' must be a string, got the number 7",
      "number as string    | {\"ts\":1714564790000,\"country\":\"de\",\"amount\":\"12\"}        | field 'amount' must be a finite number, got the string \"12\"",
      "int as float        | {\"ts\":1714564790000,\"country\":\"de\",\"amount\":1,\"qty\":1.5} | field 'qty' must be an integer within Int64, got the number 1.5",
      "int64 overflow      | {\"ts\":1714564790000,\"country\":\"de\",\"amount\":1,\"qty\":9223372036854775808} | field 'qty' must be an integer within Int64",
      "float overflow      | {\"ts\":1714564790000,\"country\":\"de\",\"amount\":1e400}         | field 'amount' must be a finite number",
      "bool as number      | {\"ts\":1714564790000,\"country\":\"de\",\"amount\":1,\"vip\":1}   | field 'vip' must be true or false",
      "object for a value  | {\"ts\":1714564790000,\"country\":{\"a\":1},\"amount\":1}          | field 'country' must be a string, got an object",
      "array for a value   | {\"ts\":1714564790000,\"country\":\"de\",\"amount\":[1]}           | field 'amount' must be a finite number, got an array",
      "nested wrong type   | {\"ts\":1714564790000,\"country\":\"de\",\"amount\":1,\"device\":{\"platform\":false}} | field 'platform' (path 'device.platform') must be a string, got a boolean",
      "bad datetime        | {\"ts\":1714564790000,\"country\":\"de\",\"amount\":1,\"meta\":{\"shipping\":{\"at\":\"soon\"}}} | field 'shipped_at' (path 'meta.shipping.at') must be ISO-8601",
      "datetime before 1970| {\"ts\":1714564790000,\"country\":\"de\",\"amount\":1,\"meta\":{\"shipping\":{\"at\":-5000}}} | field 'shipped_at' (path 'meta.shipping.at') must be ISO-8601",
      "timestamp not ISO   | {\"ts\":\"yesterday\",\"country\":\"de\",\"amount\":1}             | the event time 'ts' must be ISO-8601 text with a zone or epoch milliseconds, got the string \"yesterday\"",
      "timestamp no zone   | {\"ts\":\"2024-05-01T11:59:00\",\"country\":\"de\",\"amount\":1}    | the event time 'ts' must be ISO-8601",
      "timestamp boolean   | {\"ts\":true,\"country\":\"de\",\"amount\":1}                      | the event time 'ts' must be ISO-8601 text with a zone or epoch milliseconds, got a boolean"})
  void rejectsWrongTypesNamingTheField(String name, String json, String detail) {
    assertRejected(json, DeadLetterReason.WrongType, detail);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "missing     | {\"ts\":1714564790000,\"amount\":1}                                  | required field 'country' is missing or null",
      "null        | {\"ts\":1714564790000,\"country\":null,\"amount\":1}                 | required field 'country' is missing or null",
      "null number | {\"ts\":1714564790000,\"country\":\"de\",\"amount\":null}            | required field 'amount' is missing or null"})
  void rejectsMissingRequiredValues(String name, String json, String detail) {
    assertRejected(json, DeadLetterReason.MissingField, detail);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"country\":\"de\",\"amount\":1}", "{\"ts\":null,\"country\":\"de\",\"amount\":1}"})
  void rejectsEventsWithoutTimestamp(String json) {
    assertRejected(json, DeadLetterReason.MissingTimestamp, "the event time 'ts' is missing or null");
  }

  @Test
  void rejectsEventsOlderThanTheLateness() {
    assertThat(parser.parse(utf8("{\"ts\":\"2024-05-01T10:59:59Z\",\"country\":\"de\",\"amount\":1}")).toString())
        .contains("TooLate").contains("PT1H1S old");
    accepted("{\"ts\":\"2024-05-01T11:00:00Z\",\"country\":\"de\",\"amount\":1}");
  }

  @Test
  void rejectsEventsTooFarInTheFuture() {
    assertRejected("{\"ts\":\"2024-05-01T12:10:01Z\",\"country\":\"de\",\"amount\":1}", DeadLetterReason.TooEarly,
        "the event time 'ts' is PT10M1S in the future");
    accepted("{\"ts\":\"2024-05-01T12:10:00Z\",\"country\":\"de\",\"amount\":1}");
  }

  @Test
  void rejectsEventsLargerThanTheLimit() {
    String padding = "x".repeat(EventParser.MAX_EVENT_BYTES);
    byte[] json = utf8("{\"ts\":1714564790000,\"country\":\"de\",\"amount\":1,\"pad\":\"" + padding + "\"}");

    assertThat(parser.parse(json)).isEqualTo(new Rejection(DeadLetterReason.TooLarge,
        "the event has " + json.length + " bytes; the limit is 1000000"));
  }

  @Test
  void rejectsInvalidUtf8() {
    String text = "{\"ts\":1714564790000,\"country\":\"d?\",\"amount\":1}";
    byte[] json = utf8(text);
    int at = text.indexOf('?');
    json[at] = (byte) 0xC3; // a lead byte followed by '"' instead of a continuation byte

    assertThat(parser.parse(json)).isEqualTo(new Rejection(DeadLetterReason.InvalidUtf8, "invalid UTF-8 sequence at byte " + at));
  }

  @Test
  void rejectsNestingDeeperThan64EvenOutsideWantedPaths() {
    assertThat(parser.parse(utf8(nested(EventParser.MAX_DEPTH)))).isInstanceOf(ParsedEvent.class);
    assertRejected(nested(EventParser.MAX_DEPTH + 1), DeadLetterReason.TooDeep,
        "objects and arrays are nested deeper than 64");
  }

  @Test
  void reportsSyntaxErrorsBeforeTypeErrors() {
    assertRejected("{\"ts\":1714564790000,\"country\":7,\"amount\":", DeadLetterReason.MalformedJson, "");
  }

  /** An accepted event whose root object plus nested arrays reach {@code depth} levels. */
  private static String nested(int depth) {
    return "{\"ts\":1714564790000,\"country\":\"de\",\"amount\":1,\"deep\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
  }

  private ParsedEvent accepted(String json) {
    ParseResult result = parser.parse(utf8(json));
    assertThat(result).isInstanceOf(ParsedEvent.class);
    return (ParsedEvent) result;
  }

  private void assertRejected(String json, DeadLetterReason reason, String detailPart) {
    ParseResult result = parser.parse(utf8(json));
    assertThat(result).isInstanceOf(Rejection.class);
    Rejection rejection = (Rejection) result;
    assertThat(rejection.reason()).isEqualTo(reason);
    assertThat(rejection.detail()).contains(detailPart);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
