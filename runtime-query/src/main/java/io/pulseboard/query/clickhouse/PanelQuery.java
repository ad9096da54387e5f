package io.pulseboard.query.clickhouse;

import io.pulseboard.query.panel.BucketRange;
import io.pulseboard.query.panel.PanelDefinition;

/** A compiled panel query: the SQL and what it covers. */
public record PanelQuery(PanelDefinition panel, BucketRange range, String sql) {}
