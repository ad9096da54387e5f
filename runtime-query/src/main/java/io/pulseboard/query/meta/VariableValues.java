package io.pulseboard.query.meta;

import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.query.clickhouse.ClickHouseQueries;
import io.pulseboard.query.clickhouse.MetaQueryCompiler;
import io.pulseboard.query.panel.BucketRange;
import io.pulseboard.query.panel.DashboardCatalog;
import io.pulseboard.query.panel.TimeWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * The values a dashboard variable offers: the distinct values of its dimension over a range in every stream
 * the variable applies to, each read from the coarsest rollup whose bucket fits in the range (few rows to
 * scan), most frequent first.
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
    // One query per stream with the dimension (none when no queryable panel's stream has it).
    List<CompletableFuture<List<JsonNode>>> answers = new ArrayList<>();
    catalog.variableSources(variable).forEach((stream, dimension) -> {
      BucketRange range = BucketRange.covering(coarsestWithin(stream, window.lengthMillis()), window.from(), window.to());
      answers.add(clickhouse.select(compiler.variableValues(stream, dimension, range), "variable values"));
    });
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
        .thenApply(done -> new Values(variable, mostFrequent(answers.stream().map(CompletableFuture::join).toList())));
  }

  /** The values of several streams' answers, by their rollup rows summed over the streams, most first. */
  static List<String> mostFrequent(List<List<JsonNode>> answers) {
    Map<String, Long> rows = new HashMap<>();
    for (List<JsonNode> answer : answers) {
      for (JsonNode row : answer) {
        JsonNode value = row.get(MetaQueryCompiler.VALUE);
        if (value != null && !value.isNull()) {
          rows.merge(value.asString(), row.path(MetaQueryCompiler.ROWS).asLong(), Long::sum);
        }
      }
    }
    return rows.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MetaQueryCompiler.MAX_VALUES)
        .map(Map.Entry::getKey)
        .toList();
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
