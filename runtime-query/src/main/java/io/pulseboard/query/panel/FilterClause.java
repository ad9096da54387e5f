package io.pulseboard.query.panel;

import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.api.v1alpha1.FilterOp;
import java.util.List;

/**
 * A panel filter bound to its dimension's type; the values are still text, the SQL encoder types them.
 */
public record FilterClause(String dimension, FieldType type, FilterOp op, List<String> values) {
  public FilterClause {
    values = List.copyOf(values);
  }
}
