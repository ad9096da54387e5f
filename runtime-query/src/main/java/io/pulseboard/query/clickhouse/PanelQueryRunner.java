package io.pulseboard.query.clickhouse;

import io.pulseboard.query.panel.PanelData;
import java.util.concurrent.CompletableFuture;

/** Runs a compiled panel query; implemented by {@link ClickHouseQueries}. */
public interface PanelQueryRunner {
  /** The panel data; the future fails with a {@link QueryFailedException}. */
  CompletableFuture<PanelData> run(PanelQuery query);
}
