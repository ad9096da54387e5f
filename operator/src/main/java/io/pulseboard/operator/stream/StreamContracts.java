package io.pulseboard.operator.stream;

import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.pipeline.MeasureContract;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.AnalyticsStreamSpec;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.operator.clickhouse.SchemaApplier;
import io.pulseboard.operator.clickhouse.StreamSchemas;

/** What the query service is told about a stream it reads. */
public final class StreamContracts {
  private StreamContracts() {}

  public static StreamContract of(AnalyticsStream stream) {
    AnalyticsStreamSpec spec = stream.getSpec();
    StreamNames names = StreamNames.of(spec.getClickhouse().getDatabase(), stream.getMetadata().getName());
    Integer applied = stream.getStatus() == null ? null : stream.getStatus().getSchemaVersion();
    return new StreamContract(
        stream.getMetadata().getName(),
        applied == null ? SchemaApplier.FIRST_VERSION : applied,
        names.database(),
        names.base(),
        StreamSchemas.granularities(spec).stream().map(Granularity::label).toList(),
        StreamColumns.dimensions(spec),
        spec.getMeasures().stream()
            .map(m -> new MeasureContract(m.getName(), m.getAggregate(), m.getField(), m.getQuantiles()))
            .toList());
  }
}
