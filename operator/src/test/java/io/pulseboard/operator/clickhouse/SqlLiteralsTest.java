package io.pulseboard.operator.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlLiteralsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "shop|'shop'",
      "o'brien|'o\\'brien'",
      "back\\slash|'back\\\\slash'",
      "\\'|'\\\\\\''",
      "\"\"|''"})
  void encodesTextAsOneQuotedValue(String value, String literal) {
    assertThat(SqlLiterals.string(value)).isEqualTo(literal);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "x' OR 1=1 --",
      "x\\' OR 1=1 --",
      "x'; DROP DATABASE shop; --",
      "\\\\'; DROP TABLE t; --",
      "x\n' UNION SELECT password FROM system.users --",
      "x\u0000'"})
  void injectionStringsStayInsideTheLiteral(String value) {
    String literal = SqlLiterals.string(value);

    assertThat(literal).startsWith("'").endsWith("'");
    assertThat(unquotedQuotes(literal.substring(1, literal.length() - 1))).isZero();
    assertThat(literal).doesNotContain("\n", "\u0000");
  }

  /** Counts quotes that would end the literal: those not escaped by an odd run of backslashes. */
  private static int unquotedQuotes(String body) {
    int count = 0;
    int backslashes = 0;
    for (char c : body.toCharArray()) {
      if (c == '\'' && backslashes % 2 == 0) {
        count++;
      }
      backslashes = c == '\\' ? backslashes + 1 : 0;
    }
    return count;
  }
}
