package io.pulseboard.query.panel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The points of one measure for one combination of group-by values, sorted by time. Labels are empty
 * without groupBy and kept in key order so equal series print the same JSON.
 *
 * @param labels group-by values (and the quantile level when a panel shows all levels)
 * @param measure the measure the points are of; null only in answers cached before panels had several
 * @param points the buckets
 * @param other true for the series that folds the groups beyond the panel's limit; absent otherwise
 */
@JsonPropertyOrder({"labels", "measure", "other", "points"})
public record Series(
    Map<String, String> labels,
    @JsonInclude(JsonInclude.Include.NON_NULL) String measure,
    List<Point> points,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean other) {
  public Series {
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    points = List.copyOf(points);
    other = Boolean.TRUE.equals(other) ? Boolean.TRUE : null;
  }

  public Series(Map<String, String> labels, List<Point> points) {
    this(labels, null, points, null);
  }

  public Series(Map<String, String> labels, String measure, List<Point> points) {
    this(labels, measure, points, null);
  }

  /** Whether this is the "other" series (not a bean getter: it must not shadow the {@code other} property). */
  public boolean folded() {
    return Boolean.TRUE.equals(other);
  }
}
