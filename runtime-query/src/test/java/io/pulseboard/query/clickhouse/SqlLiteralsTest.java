package io.pulseboard.query.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.query.panel.BadRequestException;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SqlLiteralsTest {

  /**
   * Reads a string literal the way ClickHouse's lexer does (backslash escapes, doubled quotes) and returns
   * the index just past its closing quote.
   */
  private static int endOfLiteral(String sql) {
    assertThat(sql).startsWith("'");
    for (int i = 1; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '\'') {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
          i++;
        } else {
          return i + 1;
        }
      }
    }
    throw new AssertionError("unterminated literal: " + sql);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ios",
      "it's",
      "' OR 1=1 --",
      "\\' OR 1=1 --",
      "\\",
      "\\\\'",
      "x'); DROP TABLE shop.checkout_raw; --",
      "a' UNION SELECT * FROM system.users --",
      "/* comment */ 1",
      "*/ OR 1=1 /*",
      "--",
      "''",
      "'''",
      "`backquote`",
      "\"double\"",
      "line\nbreak",
      "nul\u0000byte",
      "esc\u001b[2J",
      "del\u007f",
      "fullwidth\uFF07quote",
      "right\u2019quote",
      "emoji 😀",
      "zero\u200Bwidth",
      "combining e\u0301",
      "\u00a0nbsp"})
  void aStringLiteralEndsExactlyAtItsClosingQuote(String value) {
    String literal = SqlLiterals.of(FieldType.string, value);

    assertThat(endOfLiteral(literal)).isEqualTo(literal.length());
  }

  @Test
  void quotesAndBackslashesAreEscaped() {
    assertThat(SqlLiterals.of(FieldType.string, "it's")).isEqualTo("'it\\'s'");
    assertThat(SqlLiterals.of(FieldType.string, "a\\b")).isEqualTo("'a\\\\b'");
    assertThat(SqlLiterals.of(FieldType.string, "\\'")).isEqualTo("'\\\\\\''");
  }

  @Test
  void controlCharactersBecomeHexEscapes() {
    assertThat(SqlLiterals.of(FieldType.string, "a\u0000b\nc\u007f")).isEqualTo("'a\\x00b\\x0Ac\\x7F'");
  }

  @Test
  void nonAsciiCharactersPassThroughUnchanged() {
    assertThat(SqlLiterals.of(FieldType.string, "München 😀 \uFF07")).isEqualTo("'München 😀 \uFF07'");
  }

  @Test
  void anUnpairedSurrogateIsRefused() {
    assertThatThrownBy(() -> SqlLiterals.of(FieldType.string, "a\uD800b")).isInstanceOf(InvalidLiteralException.class);
    assertThatThrownBy(() -> SqlLiterals.of(FieldType.string, "\uDC00")).isInstanceOf(InvalidLiteralException.class);
  }

  @Test
  void oversizedValuesAreABadRequest() {
    String big = "a".repeat(SqlLiterals.MAX_LENGTH + 1);

    assertThat(SqlLiterals.of(FieldType.string, big.substring(1))).hasSize(SqlLiterals.MAX_LENGTH + 2);
    assertThatThrownBy(() -> SqlLiterals.of(FieldType.string, big))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("limit is 1024");
    assertThatThrownBy(() -> SqlLiterals.of(FieldType.int64, "1".repeat(100_000))).isInstanceOf(BadRequestException.class);
  }

  @Test
  void randomStringsNeverEscapeTheirLiteral() {
    Random random = new Random(42);
    char[] alphabet = "'\\\"`-/*;\n\r\t\u0000 aZ9\u00e9\uFF07\u2028".toCharArray();
    for (int run = 0; run < 5_000; run++) {
      StringBuilder value = new StringBuilder();
      for (int i = random.nextInt(20); i > 0; i--) {
        value.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String literal = SqlLiterals.of(FieldType.string, value.toString());
      assertThat(endOfLiteral(literal)).as("literal of %s", value).isEqualTo(literal.length());
    }
  }

  @Test
  void integersAreReprintedFromTheParsedValue() {
    assertThat(SqlLiterals.of(FieldType.int64, "42")).isEqualTo("42");
    assertThat(SqlLiterals.of(FieldType.int64, " -7 ")).isEqualTo("-7");
    assertThat(SqlLiterals.of(FieldType.int64, "007")).isEqualTo("7");
    assertThat(SqlLiterals.of(FieldType.int64, "-9223372036854775808")).isEqualTo("-9223372036854775808");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1 OR 1=1", "1;", "0x10", "1e3", "9223372036854775808", "+5", "1--", "١٢"})
  void whatIsNotAnInt64IsRefused(String value) {
    assertThatThrownBy(() -> SqlLiterals.of(FieldType.int64, value)).isInstanceOf(InvalidLiteralException.class);
  }

  @Test
  void floatsAreReprintedFromTheParsedValue() {
    assertThat(SqlLiterals.of(FieldType.float64, "1.5")).isEqualTo("1.5");
    assertThat(SqlLiterals.of(FieldType.float64, "-2")).isEqualTo("-2.0");
    assertThat(SqlLiterals.of(FieldType.float64, "1e10")).isEqualTo("1.0E10");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-inf", "1e400", "4.9e-324", "1.5; DROP", ".5", "1,5", "0x1p3"})
  void whatIsNotAFiniteFloatIsRefused(String value) {
    assertThatThrownBy(() -> SqlLiterals.of(FieldType.float64, value)).isInstanceOf(InvalidLiteralException.class);
  }

  @Test
  void booleansAreOneOrZero() {
    assertThat(SqlLiterals.of(FieldType.bool, "true")).isEqualTo("1");
    assertThat(SqlLiterals.of(FieldType.bool, "FALSE")).isEqualTo("0");
    assertThat(SqlLiterals.of(FieldType.bool, "1")).isEqualTo("1");
    assertThatThrownBy(() -> SqlLiterals.of(FieldType.bool, "yes")).isInstanceOf(InvalidLiteralException.class);
    assertThatThrownBy(() -> SqlLiterals.of(FieldType.bool, "1 OR 1")).isInstanceOf(InvalidLiteralException.class);
  }

  @Test
  void dateTimesBecomeEpochSeconds() {
    assertThat(SqlLiterals.of(FieldType.datetime, "2024-05-01T10:00:00Z")).isEqualTo("toDateTime(1714557600)");
    assertThat(SqlLiterals.of(FieldType.datetime, "1714557600")).isEqualTo("toDateTime(1714557600)");
    assertThatThrownBy(() -> SqlLiterals.of(FieldType.datetime, "tomorrow")).isInstanceOf(InvalidLiteralException.class);
    assertThatThrownBy(() -> SqlLiterals.of(FieldType.datetime, "2200-01-01T00:00:00Z")).isInstanceOf(InvalidLiteralException.class);
    assertThatThrownBy(() -> SqlLiterals.of(FieldType.datetime, "1) OR (1")).isInstanceOf(InvalidLiteralException.class);
  }

  @Test
  void errorMessagesShowOnlyPrintableAscii() {
    assertThatThrownBy(() -> SqlLiterals.of(FieldType.int64, "\u001b[31mred"))
        .hasMessage("'?[31mred' is not an int64");
  }
}
