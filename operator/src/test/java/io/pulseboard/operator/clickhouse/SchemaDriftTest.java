package io.pulseboard.operator.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.MeasureSpec;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.operator.testing.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaDriftTest {

  @Test
  void tablesCreatedFromTheSameSpecHaveNoDifferences() {
    StreamSchema schema = schema(Examples.quickstartStream());

    assertThat(SchemaDrift.differences(schema, schema.expectedColumns())).isEmpty();
  }

  @Test
  void missingTablesAreNotDifferences() {
    assertThat(SchemaDrift.differences(schema(Examples.quickstartStream()), Map.of())).isEmpty();
  }

  @Test
  void aNewMeasureIsReportedForEveryRollup() {
    StreamSchema before = schema(Examples.quickstartStream());
    AnalyticsStream changed = Examples.quickstartStream();
    MeasureSpec max = new MeasureSpec();
    max.setName("largest");
    max.setAggregate(Aggregate.max);
    max.setField("amount");
    List<MeasureSpec> measures = new ArrayList<>(changed.getSpec().getMeasures());
    measures.add(max);
    changed.getSpec().setMeasures(measures);

    List<String> differences = SchemaDrift.differences(schema(changed), before.expectedColumns());

    assertThat(differences).containsExactly(
        "checkout_1m: missing column largest AggregateFunction(max, Float64)",
        "checkout_1h: missing column largest AggregateFunction(max, Float64)",
        "checkout_1d: missing column largest AggregateFunction(max, Float64)");
  }

  @Test
  void aChangedTypeIsReported() {
    StreamSchema before = schema(Examples.quickstartStream());
    AnalyticsStream changed = Examples.quickstartStream();
    changed.getSpec().getDimensions().get(0).setLowCardinality(false);

    List<String> differences = SchemaDrift.differences(schema(changed), before.expectedColumns());

    assertThat(differences).hasSize(4)
        .contains("checkout_raw: column country is LowCardinality(String), the spec asks for String");
  }

  private static StreamSchema schema(AnalyticsStream stream) {
    return StreamSchemas.of(StreamNames.of("quickstart", stream.getMetadata().getName()), stream.getSpec(), 1);
  }
}
