package io.pulseboard.operator.stream;

import io.pulseboard.api.contract.Durations;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.pipeline.MeasureContract;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.AnalyticsStreamSpec;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.operator.clickhouse.SchemaApplier;
import io.pulseboard.operator.clickhouse.StreamSchemas;
import java.util.Map;
import java.util.TreeMap;

/** What the query service is told about a stream it reads. */
public final class StreamContracts {
  private StreamContracts() {}

  public static StreamContract of(AnalyticsStream stream) {
    AnalyticsStreamSpec spec = stream.getSpec();
    StreamNames names = StreamNames.of(spec.getClickhouse().getDatabase(), stream.getMetadata().getName());
    Integer applied = stream.getStatus() == null ? null : stream.getStatus().getSchemaVersion();
    Map<String, String> qualified = stream.getStatus() == null ? null : stream.getStatus().getTables();
    return new StreamContract(
        stream.getMetadata().getName(),
        applied == null ? SchemaApplier.FIRST_VERSION : applied,
        names.database(),
        names.base(),
        StreamSchemas.granularities(spec).stream().map(Granularity::label)
            .filter(g -> qualified == null || qualified.containsKey(g)).toList(),
        StreamColumns.dimensions(spec),
        spec.getMeasures().stream()
            .map(m -> new MeasureContract(m.getName(), m.getAggregate(), m.getField(), m.getQuantiles()))
            .toList(),
        rollupTables(qualified, names.database()),
        freshnessMaxAge(spec));
  }

  /** The stream's freshness threshold, as its Fresh condition uses it; null for the default. */
  private static Long freshnessMaxAge(AnalyticsStreamSpec spec) {
    if (spec.getFreshness() == null || spec.getFreshness().getMaxAge() == null) {
      return null;
    }
    return Durations.parse(spec.getFreshness().getMaxAge()).toMillis();
  }

  /** The rollup tables in status (database.table, by granularity label) without the database. */
  private static Map<String, String> rollupTables(Map<String, String> qualified, String database) {
    Map<String, String> tables = new TreeMap<>();
    if (qualified != null) {
      qualified.forEach((role, table) -> {
        if (!role.equals("raw") && table.startsWith(database + ".")) {
          tables.put(role, table.substring(database.length() + 1));
        }
      });
    }
    return tables;
  }
}
