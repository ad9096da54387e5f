package io.pulseboard.query.meta;

import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.query.clickhouse.ClickHouseQueries;
import io.pulseboard.query.clickhouse.MetaQueryCompiler;
import io.pulseboard.query.panel.BucketRange;
import io.pulseboard.query.panel.DashboardCatalog;
import io.pulseboard.query.panel.TimeWindow;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * The values a dashboard variable offers: the distinct values of its dimension over a range, read from
 * the coarsest rollup whose bucket fits in the range (few rows to scan), most frequent first.
 */
public class VariableValues {
  private final DashboardCatalog catalog;
  private final MetaQueryCompiler compiler;
  private final ClickHouseQueries clickhouse;

  public VariableValues(DashboardCatalog catalog, MetaQueryCompiler compiler, ClickHouseQueries clickhouse) {
    this.catalog = catalog;
    this.compiler = compiler;
    this.clickhouse = clickhouse;
  }

  /** The JSON body {@code {"variable","values"}}. */
  public record Values(String variable, List<String> values) {}

  /** @throws io.pulseboard.query.panel.BadRequestException for a variable the dashboard does not declare */
  public CompletableFuture<Values> values(String variable, TimeWindow window) {
    Optional<Map.Entry<StreamContract, ColumnSpec>> source = catalog.variableSource(variable);
    if (source.isEmpty()) {
      // Declared, but no queryable panel's stream has the dimension: nothing to offer.
      return CompletableFuture.completedFuture(new Values(variable, List.of()));
    }
    StreamContract stream = source.get().getKey();
    BucketRange range = BucketRange.covering(coarsestWithin(stream, window.lengthMillis()), window.from(), window.to());
    return clickhouse.select(compiler.variableValues(stream, source.get().getValue(), range), "variable values")
        .thenApply(rows -> new Values(variable, rows.stream()
            .map(row -> row.get(MetaQueryCompiler.VALUE))
            .filter(v -> v != null && !v.isNull())
            .map(JsonNode::asString)
            .toList()));
  }

  static Granularity coarsestWithin(StreamContract stream, long rangeMillis) {
    List<Granularity> rollups = stream.granularities().stream()
        .flatMap(label -> Arrays.stream(Granularity.values()).filter(g -> g.label().equals(label)))
        .sorted(Comparator.comparing(Granularity::size))
        .toList();
    if (rollups.isEmpty()) {
      throw new IllegalStateException("stream " + stream.name() + " has no rollup");
    }
    Granularity chosen = rollups.get(0);
    for (Granularity g : rollups) {
      if (g.size().toMillis() <= rangeMillis) {
        chosen = g;
      }
    }
    return chosen;
  }
}
