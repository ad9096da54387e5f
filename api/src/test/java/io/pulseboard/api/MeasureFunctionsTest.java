package io.pulseboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseboard.api.contract.MeasureFunctions;
import io.pulseboard.api.v1alpha1.Aggregate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MeasureFunctionsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "count | AggregateFunction(count)         | countState()        | countMerge(`c`) | count()",
      "sum   | AggregateFunction(sum, Float64)  | sumState(`x`)       | sumMerge(`c`)   | sum(`x`)",
      "min   | AggregateFunction(min, Float64)  | minState(`x`)       | minMerge(`c`)   | min(`x`)",
      "max   | AggregateFunction(max, Float64)  | maxState(`x`)       | maxMerge(`c`)   | max(`x`)",
      "avg   | AggregateFunction(avg, Float64)  | avgState(`x`)       | avgMerge(`c`)   | avg(`x`)",
      "uniq  | AggregateFunction(uniqHLL12, Float64) | uniqHLL12State(`x`) | uniqHLL12Merge(`c`) | uniqHLL12(`x`)",
  })
  void mapsEachAggregateToStateAndMergeFunctions(
      Aggregate aggregate, String stateType, String state, String merge, String raw) {
    MeasureFunctions f = MeasureFunctions.of(aggregate);
    assertThat(f.stateType("Float64")).isEqualTo(stateType);
    assertThat(f.stateExpression("`x`")).isEqualTo(state);
    assertThat(f.mergeExpression("`c`")).isEqualTo(merge);
    assertThat(f.rawExpression("`x`")).isEqualTo(raw);
  }

  @Test
  void quantilesCarryTheirLevelsAsParameters() {
    MeasureFunctions f = new MeasureFunctions(Aggregate.quantiles, List.of(0.5, 0.9, 0.99));
    assertThat(f.stateType("Float64"))
        .isEqualTo("AggregateFunction(quantilesTDigest(0.5, 0.9, 0.99), Float64)");
    assertThat(f.stateExpression("`l`")).isEqualTo("quantilesTDigestState(0.5, 0.9, 0.99)(`l`)");
    assertThat(f.mergeExpression("`c`")).isEqualTo("quantilesTDigestMerge(0.5, 0.9, 0.99)(`c`)");
  }

  @Test
  void rejectsQuantilesOutsideTheOpenInterval() {
    assertThatThrownBy(() -> new MeasureFunctions(Aggregate.quantiles, List.of(0.5, 1.0)))
        .hasMessageContaining("strictly between 0 and 1");
    assertThatThrownBy(() -> new MeasureFunctions(Aggregate.quantiles, List.of()))
        .hasMessageContaining("at least one quantile");
  }
}
