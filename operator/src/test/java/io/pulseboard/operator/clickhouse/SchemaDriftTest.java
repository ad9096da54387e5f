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

    assertThat(SchemaDrift.unsafe(schema, schema.expectedColumns())).isEmpty();
    assertThat(SchemaDrift.missing(schema, schema.expectedColumns())).isEmpty();
  }

  @Test
  void missingTablesAreNotDifferences() {
    assertThat(SchemaDrift.unsafe(schema(Examples.quickstartStream()), Map.of())).isEmpty();
    assertThat(SchemaDrift.missing(schema(Examples.quickstartStream()), Map.of())).isEmpty();
  }

  @Test
  void aNewMeasureIsMissingInEveryRollupAndIsSafe() {
    StreamSchema before = schema(Examples.quickstartStream());
    AnalyticsStream changed = Examples.quickstartStream();
    MeasureSpec max = new MeasureSpec();
    max.setName("largest");
    max.setAggregate(Aggregate.max);
    max.setField("amount");
    List<MeasureSpec> measures = new ArrayList<>(changed.getSpec().getMeasures());
    measures.add(max);
    changed.getSpec().setMeasures(measures);

    Column largest = new Column("largest", "AggregateFunction(max, Float64)");
    assertThat(SchemaDrift.missing(schema(changed), before.expectedColumns())).containsExactly(
        Map.entry("checkout_1m", List.of(largest)), Map.entry("checkout_1h", List.of(largest)),
        Map.entry("checkout_1d", List.of(largest)));
    assertThat(SchemaDrift.unsafe(schema(changed), before.expectedColumns())).isEmpty();
  }

  @Test
  void aChangedTypeIsUnsafe() {
    StreamSchema before = schema(Examples.quickstartStream());
    AnalyticsStream changed = Examples.quickstartStream();
    changed.getSpec().getDimensions().get(0).setLowCardinality(false);

    List<String> differences = SchemaDrift.unsafe(schema(changed), before.expectedColumns());

    assertThat(differences).hasSize(4)
        .contains("checkout_raw: column country is LowCardinality(String), the spec asks for String");
  }

  @Test
  void aRemovedFieldIsUnsafe() {
    StreamSchema before = schema(Examples.quickstartStream());
    AnalyticsStream changed = Examples.quickstartStream();
    changed.getSpec().getFields().get(0).setName("total");
    changed.getSpec().getMeasures().get(1).setField("total");

    assertThat(SchemaDrift.unsafe(schema(changed), before.expectedColumns()))
        .contains("checkout_raw: column amount is not in the spec");
  }

  private static StreamSchema schema(AnalyticsStream stream) {
    return StreamSchemas.of(StreamNames.of("quickstart", stream.getMetadata().getName()), stream.getSpec(), 1);
  }
}
