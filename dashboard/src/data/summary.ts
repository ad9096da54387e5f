import type { Series } from '../api/contract';

export interface DataSummary {
  /** Points over all series. */
  readonly points: number;
  /** The value of the newest point (first series wins on a tie); null without points. */
  readonly last: number | null;
  readonly lastTime: number | null;
  /** Sum of every point's value (a fingerprint browser tests compare with the REST answer). */
  readonly sum: number;
}

/** What a panel exposes about its data (data-* attributes for tests, the chart's aria label). */
export function summarize(series: readonly Series[]): DataSummary {
  let points = 0;
  let last: number | null = null;
  let lastTime: number | null = null;
  let sum = 0;
  for (const s of series) {
    points += s.points.length;
    for (const [, v] of s.points) if (Number.isFinite(v)) sum += v;
    const newest = s.points[s.points.length - 1];
    if (newest !== undefined && (lastTime === null || newest[0] > lastTime)) {
      lastTime = newest[0];
      last = newest[1];
    }
  }
  return { points, last, lastTime, sum };
}
