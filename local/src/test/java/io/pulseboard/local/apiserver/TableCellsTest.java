package io.pulseboard.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TableCellsTest {
  @Test
  void jsonPathSelectsFieldsIndexesAndFilteredConditions() throws Exception {
    JsonNode object = new ObjectMapper().readTree("""
        {"status":{"url":"http://x","conditions":[{"type":"Fresh","status":"False"},{"type":"Ready","status":"True"}]},
         "spec":{"replicas":2}}""");

    assertThat(JsonPathLite.first(object, ".status.url")).map(JsonNode::asText).hasValue("http://x");
    assertThat(JsonPathLite.first(object, ".status.conditions[?(@.type==\"Ready\")].status"))
        .map(JsonNode::asText).hasValue("True");
    assertThat(JsonPathLite.first(object, ".status.conditions[0].type")).map(JsonNode::asText).hasValue("Fresh");
    assertThat(JsonPathLite.first(object, ".status.missing")).isEmpty();
    assertThat(JsonPathLite.template(object, "{.status.readyReplicas}/{.spec.replicas}")).isEqualTo("0/2");
  }

  @Test
  void agesReadLikeKubectls() {
    assertThat(HumanDuration.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(HumanDuration.format(Duration.ofSeconds(192))).isEqualTo("3m12s");
    assertThat(HumanDuration.format(Duration.ofMinutes(50))).isEqualTo("50m");
    assertThat(HumanDuration.format(Duration.ofMinutes(5 * 60 + 7))).isEqualTo("5h7m");
    assertThat(HumanDuration.format(Duration.ofHours(51))).isEqualTo("2d3h");
    assertThat(HumanDuration.format(Duration.ofDays(40))).isEqualTo("40d");
  }
}
