package io.pulseboard.query.cache;

import io.pulseboard.query.clickhouse.PanelQuery;
import io.pulseboard.query.clickhouse.PanelQueryRunner;
import io.pulseboard.query.panel.PanelData;
import io.pulseboard.query.panel.Point;
import io.pulseboard.query.panel.Series;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Answers every query with one point per bucket holding {@link #value}; {@link #hold} keeps answers
 * back until {@link #release} so tests can line up concurrent requests.
 */
public final class TestingPanelQueryRunner implements PanelQueryRunner {
  public final List<PanelQuery> queries = new CopyOnWriteArrayList<>();
  public volatile Number value = 1L;
  private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

  @Override
  public CompletableFuture<PanelData> run(PanelQuery query) {
    queries.add(query);
    return gate.thenApply(ignored -> answer(query));
  }

  public void hold() {
    gate = new CompletableFuture<>();
  }

  public void release() {
    gate.complete(null);
  }

  private PanelData answer(PanelQuery query) {
    long size = query.range().granularity().size().toMillis();
    List<Point> points = new java.util.ArrayList<>();
    for (long t = query.range().fromMillis(); t < query.range().toMillis(); t += size) {
      points.add(new Point(t, value));
    }
    return new PanelData(query.panel().id(), query.range().granularity().label(), query.range().fromMillis(),
        query.range().toMillis(), List.of(new Series(Map.of(), query.panel().measure().name(), points)));
  }
}
