package io.pulseboard.query.live;

import io.pulseboard.query.panel.PanelData;

/**
 * One live refresh as the replica that computed it shares it: what it read from ClickHouse, not the delta,
 * so every replica diffs it against what it pushed to its own clients (a replica that joined late or missed
 * a tick still sends correct deltas; replicas that saw the same ticks send the same ones).
 *
 * @param panelKey the live panel across replicas ({@code PanelDataService.liveKey})
 * @param tick the refresh tick's time, epoch ms, a multiple of the refresh interval
 * @param windowFrom start of the window read (the previous bucket), epoch ms
 * @param windowTo end of the window read (end of the open bucket), epoch ms
 * @param openBucket start of the bucket open when the tick was computed, epoch ms
 * @param data what ClickHouse answered; null when the query failed
 */
public record SharedTick(String panelKey, long tick, long windowFrom, long windowTo, long openBucket, PanelData data) {
  boolean failed() {
    return data == null;
  }
}
