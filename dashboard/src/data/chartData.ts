import type { AlignedData } from 'uplot';
import type { Series } from '../api/contract';

/**
 * uPlot draws every series against one shared x array ("aligned data": [xs, ys1, ys2, ...]).
 * Series of a grouped panel have different timestamps (a country without events in a minute has
 * no bucket), so x is the sorted union of all timestamps and each series has `null` where it has
 * no bucket. Timestamps stay in epoch ms (the chart is configured with `ms: 1`).
 */
export function toAlignedData(series: readonly Series[]): AlignedData {
  const xs = unionOfTimestamps(series);
  const indexOf = new Map<number, number>();
  xs.forEach((t, index) => indexOf.set(t, index));
  const ys = series.map((s) => {
    const values: (number | null)[] = new Array<number | null>(xs.length).fill(null);
    for (const [t, v] of s.points) {
      values[indexOf.get(t) as number] = typeof v === 'number' && Number.isFinite(v) ? v : null;
    }
    return values;
  });
  return [xs, ...ys];
}

function unionOfTimestamps(series: readonly Series[]): number[] {
  const seen = new Set<number>();
  for (const s of series) {
    for (const [t] of s.points) seen.add(t);
  }
  return [...seen].sort((a, b) => a - b);
}
