/**
 * Whether a live page has waited suspiciously long for data. The server sends a delta every refresh tick
 * while the open bucket has data, so several missed ticks mean the stream stopped or lags; a floor keeps
 * a fast refresh from flagging a short hiccup (heartbeats, every ~10 s, carry no data and do not count).
 */
export function isStale(sinceLastDataMs: number, refreshMs: number): boolean {
  return sinceLastDataMs > Math.max(15_000, 5 * refreshMs);
}
