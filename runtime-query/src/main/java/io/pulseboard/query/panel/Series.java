package io.pulseboard.query.panel;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The points of one combination of group-by values, sorted by time. Labels are empty without groupBy and
 * kept in key order so equal series print the same JSON.
 */
@JsonPropertyOrder({"labels", "points"})
public record Series(Map<String, String> labels, List<Point> points) {
  public Series {
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    points = List.copyOf(points);
  }
}
