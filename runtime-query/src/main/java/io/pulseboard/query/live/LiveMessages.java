package io.pulseboard.query.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.pulseboard.query.panel.PanelData;
import io.pulseboard.query.panel.Series;
import io.pulseboard.query.panel.SeriesTable;
import java.util.List;

/** The server-to-client messages of {@code /api/v1/live} (see CONTRACT.md and DESIGN.md). */
public final class LiveMessages {
  private LiveMessages() {}

  /**
   * The whole panel for the subscribed range, sent once per subscribe; or, for a resuming client (one
   * that sent {@code since}), only the buckets from {@code since} on, which it merges over what it has.
   */
  @JsonPropertyOrder({"type", "panel", "since", "data"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Snapshot(String type, String panel, Long since, PanelData data) {
    public Snapshot(PanelData data) {
      this("snapshot", data.panel(), null, data);
    }

    public Snapshot(PanelData data, long since) {
      this("snapshot", data.panel(), since, data);
    }
  }

  /**
   * Buckets whose values changed since the last push, always with the open bucket when it has data;
   * {@code ts} is the time of the refresh tick that read them (the same on every replica).
   */
  @JsonPropertyOrder({"type", "panel", "granularity", "ts", "series"})
  public record Delta(String type, String panel, String granularity, long ts, List<Series> series) {
    public Delta(String panel, String granularity, long ts, List<Series> series) {
      this("delta", panel, granularity, ts, series);
    }

    /** This delta with a newer one of the same panel applied on top: what the client ends up knowing. */
    public Delta then(Delta newer) {
      SeriesTable merged = SeriesTable.of(series);
      merged.putAll(SeriesTable.of(newer.series()));
      return new Delta(panel, newer.granularity(), newer.ts(), merged.toSeries());
    }
  }

  /** Sent every ~10 s so clients and proxies see the connection alive. */
  @JsonPropertyOrder({"type", "ts"})
  public record Heartbeat(String type, long ts) {
    public Heartbeat(long ts) {
      this("heartbeat", ts);
    }
  }

  /** A request that could not be served; {@code panel} names the panel when there is one. */
  @JsonPropertyOrder({"type", "message", "panel"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Error(String type, String message, String panel) {
    public Error(String message, String panel) {
      this("error", message, panel);
    }
  }
}
