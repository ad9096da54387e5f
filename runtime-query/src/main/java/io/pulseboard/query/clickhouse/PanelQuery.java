package io.pulseboard.query.clickhouse;

import io.pulseboard.query.panel.BucketRange;
import io.pulseboard.query.panel.PanelDefinition;

/**
 * A compiled panel query: the SQL and what it covers.
 *
 * @param ranked whether the answer keeps only the panel's top groups ({@link io.pulseboard.query.panel.TopGroups});
 *     false for live refreshes, which fold by the groups their subscribers hold
 */
public record PanelQuery(PanelDefinition panel, BucketRange range, String sql, boolean ranked) {
  public PanelQuery(PanelDefinition panel, BucketRange range, String sql) {
    this(panel, range, sql, true);
  }
}
