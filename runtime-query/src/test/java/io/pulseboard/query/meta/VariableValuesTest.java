package io.pulseboard.query.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VariableValuesTest {
  /** A JSONEachRow answer as 18.16 writes it: counts are quoted 64-bit integers. */
  private static List<JsonNode> answer(String... rows) {
    return java.util.Arrays.stream(rows).map(JsonMapper.shared()::readTree).toList();
  }

  @Test
  void valuesOfSeveralStreamsAreRankedByTheirRowsSummed() {
    List<JsonNode> orders = answer("{\"_d\":\"de\",\"_c\":\"5\"}", "{\"_d\":\"fr\",\"_c\":\"4\"}");
    List<JsonNode> carts = answer("{\"_d\":\"fr\",\"_c\":\"3\"}", "{\"_d\":\"jp\",\"_c\":\"6\"}", "{\"_d\":null,\"_c\":\"9\"}");

    assertThat(VariableValues.mostFrequent(List.of(orders, carts))).containsExactly("fr", "jp", "de");
  }

  @Test
  void equalCountsAreInValueOrderAndTheListIsCapped() {
    List<JsonNode> many = IntStream.range(0, 300)
        .mapToObj(i -> JsonMapper.shared().readTree("{\"_d\":\"v" + (1000 + i) + "\",\"_c\":\"1\"}"))
        .toList();

    List<String> values = VariableValues.mostFrequent(List.of(many));

    assertThat(values).hasSize(200).startsWith("v1000", "v1001").isSorted();
  }
}
