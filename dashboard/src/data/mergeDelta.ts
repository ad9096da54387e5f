import type { Point, Series } from '../api/contract';
import { seriesKey } from './labels';

/**
 * Applies a live delta to the series a panel shows and returns the new series (inputs are not changed).
 *
 * A delta carries only the buckets that changed. For each of its series (matched by measure and labels):
 * a point with the timestamp of an existing point replaces it (the open bucket keeps growing),
 * a new timestamp is inserted in time order; series the delta does not name are kept.
 * Points older than `rangeStartMs` are dropped from every series, so the window slides with time,
 * and a series left without points disappears. A series that did not change keeps its identity.
 */
export function mergeDelta(
  series: readonly Series[],
  delta: readonly Series[],
  rangeStartMs: number,
): Series[] {
  const incoming = new Map<string, Series>();
  for (const s of delta) {
    const key = seriesKey(s);
    const earlier = incoming.get(key);
    // Two entries for one series in a delta: both apply, the later one wins on equal timestamps.
    incoming.set(key, earlier ? { ...s, points: mergePoints(earlier.points, s.points, -Infinity) } : s);
  }

  const merged: Series[] = [];
  for (const s of series) {
    const key = seriesKey(s);
    const update = incoming.get(key);
    incoming.delete(key);
    merged.push(update ? { ...s, points: mergePoints(s.points, update.points, rangeStartMs) } : trim(s, rangeStartMs));
  }
  for (const added of incoming.values()) {
    merged.push({ ...added, points: mergePoints([], added.points, rangeStartMs) });
  }
  return merged.filter((s) => s.points.length > 0);
}

/** Drops the points before `rangeStartMs`; returns the same series when none is dropped. */
function trim(series: Series, rangeStartMs: number): Series {
  const first = firstIndexAtOrAfter(series.points, rangeStartMs);
  return first === 0 ? series : { ...series, points: series.points.slice(first) };
}

/** Linear merge of two time-ordered point lists; `updates` wins on equal timestamps. */
function mergePoints(existing: readonly Point[], updates: readonly Point[], rangeStartMs: number): Point[] {
  const sortedUpdates = isSorted(updates) ? updates : [...updates].sort((a, b) => a[0] - b[0]);
  const out: Point[] = [];
  let i = firstIndexAtOrAfter(existing, rangeStartMs);
  let j = 0;
  while (i < existing.length || j < sortedUpdates.length) {
    const a = existing[i];
    const b = sortedUpdates[j];
    let next: Point;
    if (b === undefined || (a !== undefined && a[0] < b[0])) {
      next = a as Point;
      i++;
    } else {
      if (a !== undefined && a[0] === b[0]) i++;
      next = b;
      j++;
    }
    if (next[0] < rangeStartMs) continue;
    const last = out[out.length - 1];
    if (last !== undefined && last[0] === next[0]) {
      out[out.length - 1] = next; // repeated timestamp within the update: the later point wins
    } else {
      out.push(next);
    }
  }
  return out;
}

function firstIndexAtOrAfter(points: readonly Point[], timestamp: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((points[mid] as Point)[0] < timestamp) low = mid + 1;
    else high = mid;
  }
  return low;
}

function isSorted(points: readonly Point[]): boolean {
  for (let k = 1; k < points.length; k++) {
    if ((points[k - 1] as Point)[0] > (points[k] as Point)[0]) return false;
  }
  return true;
}
