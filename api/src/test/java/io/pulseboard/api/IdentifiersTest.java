package io.pulseboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseboard.api.contract.Identifiers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "a", "checkout", "latency_ms", "m2", "a_b_c_1",
      "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuv" // exactly 48
  })
  void acceptsPlainNames(String name) {
    assertThat(Identifiers.problem(name)).isNull();
    assertThat(Identifiers.quote(name)).isEqualTo("`" + name + "`");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "x; DROP TABLE t", "a`b", "a'b", "a\"b", "a--b", "a/*b*/", "a b", "A", "1abc", "_hidden",
      "caf\u00e9", "a\u0000b", "a\nb", "db.table", "x`; DROP DATABASE system; --"
  })
  void rejectsNamesCarryingSqlOrQuotes(String name) {
    assertThat(Identifiers.problem(name)).isNotNull();
    assertThatThrownBy(() -> Identifiers.quote(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid identifier");
  }

  @Test
  void rejectsOverLongNamesWithTheLimitInTheMessage() {
    String name = "a".repeat(Identifiers.MAX_LENGTH + 1);
    assertThat(Identifiers.problem(name)).contains("limit is 48");
  }

  @Test
  void rejectsEmptyAndNull() {
    assertThat(Identifiers.problem("")).isEqualTo("is empty");
    assertThat(Identifiers.problem(null)).isEqualTo("is empty");
  }

  @Test
  void quotesDatabaseAndTable() {
    assertThat(Identifiers.quote("shop", "checkout_raw")).isEqualTo("`shop`.`checkout_raw`");
  }

  @Test
  void quotesBookkeepingColumnsButNoOtherUnderscoreName() {
    assertThat(Identifiers.quoteColumn("_offset")).isEqualTo("`_offset`");
    assertThat(Identifiers.quoteColumn("_bucket")).isEqualTo("`_bucket`");
    assertThat(Identifiers.quoteColumn("amount")).isEqualTo("`amount`");
    assertThatThrownBy(() -> Identifiers.quoteColumn("_x`; DROP TABLE t")).hasMessageContaining("invalid identifier");
    assertThatThrownBy(() -> Identifiers.quoteColumn("_hidden")).hasMessageContaining("invalid identifier");
  }
}
