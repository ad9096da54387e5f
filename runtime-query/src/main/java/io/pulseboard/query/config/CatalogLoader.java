package io.pulseboard.query.config;

import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.query.clickhouse.InvalidLiteralException;
import io.pulseboard.query.clickhouse.SqlLiterals;
import io.pulseboard.query.panel.DashboardCatalog;
import io.pulseboard.query.panel.FilterClause;
import io.pulseboard.query.panel.PanelDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code query.json} once at start. A missing or unreadable file stops the process with the
 * reason (the pod restarts and shows it); a panel that does not resolve is logged and refused on request.
 */
final class CatalogLoader {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogLoader.class);

  private CatalogLoader() {}

  static DashboardCatalog load(Path configDir) {
    Path file = configDir.resolve(QueryPipeline.FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no dashboard configuration at " + file + " (set PULSEBOARD_CONFIG_DIR)");
    }
    QueryPipeline pipeline;
    try {
      pipeline = PipelineJson.read(file, QueryPipeline.class);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot read the dashboard configuration " + file + ": " + e.getMessage(), e);
    }
    DashboardCatalog catalog = DashboardCatalog.of(pipeline);
    catalog.problems().forEach((panel, problem) -> LOG.error("panel {} cannot be queried: {}", panel, problem));
    pipeline.panels().forEach(spec -> catalog.definition(spec.getId()).ifPresent(CatalogLoader::checkFilterValues));
    LOG.info("serving dashboard {}/{} with {} panels", pipeline.namespace(), pipeline.dashboard(), pipeline.panels().size());
    return catalog;
  }

  /** Filter values are typed when a query is compiled; say at start which ones never will be. */
  private static void checkFilterValues(PanelDefinition panel) {
    for (FilterClause filter : panel.filters()) {
      for (String value : filter.values()) {
        try {
          SqlLiterals.of(filter.type(), value);
        } catch (InvalidLiteralException e) {
          LOG.error("panel {}: the filter on {} will be refused: {}", panel.id(), filter.dimension(), e.getMessage());
        }
      }
    }
  }
}
