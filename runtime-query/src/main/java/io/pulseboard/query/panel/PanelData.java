package io.pulseboard.query.panel;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A panel's answer: the REST body of {@code GET .../panels/{id}} and the {@code data} of a live snapshot.
 *
 * @param panel panel id
 * @param granularity the rollup read: 1m, 1h or 1d
 * @param from start of the first bucket, epoch ms
 * @param to end of the last bucket, epoch ms (exclusive)
 * @param series one per group-by combination
 */
@JsonPropertyOrder({"panel", "granularity", "from", "to", "series"})
public record PanelData(String panel, String granularity, long from, long to, List<Series> series) {
  public PanelData {
    series = List.copyOf(series);
  }
}
