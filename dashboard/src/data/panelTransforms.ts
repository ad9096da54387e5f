import type { AlignedData } from 'uplot';
import type { PanelSpec, Series } from '../api/contract';
import { seriesName, type SeriesNaming } from './labels';
import { panelMeasures, seriesOfMeasure } from './measures';

/**
 * Whether values of a measure add up across buckets and series. Counts and sums do; a quantile, an
 * average, a distinct count (uniq) or a min/max does not: summing them would show a number that
 * means nothing, so bar and stat panels use the latest (resp. mean) value for those instead.
 */
export function isAdditive(aggregate: string | null | undefined): boolean {
  return aggregate === null || aggregate === undefined || aggregate === 'count' || aggregate === 'sum';
}

export interface Bar {
  readonly name: string;
  readonly value: number;
  /** True for the "other" bar that sums every series after the top N. */
  readonly other: boolean;
}

/**
 * Bar panel: one value per series over the range (the total for additive measures, the latest value
 * otherwise), largest first. At most `cap` groups are kept; the rest, and the server's own folded
 * series (`other: true`, sent when the panel has a `limit`), become one "other" bar at the end — only for
 * additive measures: the rest of a quantile has no meaningful total, so it is left out instead.
 */
export function topNBars(series: readonly Series[], cap: number, additive: boolean, naming: SeriesNaming): Bar[] {
  const value = (s: Series) => (additive ? total(s) : (s.points[s.points.length - 1]?.[1] ?? 0));
  const bars = series
    .filter((s) => !s.other)
    .map((s) => ({ name: seriesName(s, naming), value: value(s), other: false }))
    .filter((bar) => Number.isFinite(bar.value))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  const kept = bars.slice(0, cap);
  if (!additive) return kept;
  const rest = bars.slice(cap);
  const folded = series.filter((s) => s.other);
  if (rest.length === 0 && folded.length === 0) return kept;
  const otherValue = rest.reduce((sum, bar) => sum + bar.value, 0) + folded.reduce((sum, s) => sum + total(s), 0);
  // The server's "other" holds an unknown number of groups; only a fold done here can say how many.
  const name = folded.length > 0 ? 'other' : `other (${rest.length})`;
  return [...kept, { name, value: otherValue, other: true }];
}

export interface BarGroup {
  readonly measure: string;
  readonly additive: boolean;
  readonly bars: readonly Bar[];
}

/**
 * Bars of each measure of a panel, as separate groups: measures have different units and scales, so
 * they are never ranked or scaled against each other.
 */
export function barGroups(series: readonly Series[], spec: PanelSpec, cap: number): BarGroup[] {
  return panelMeasures(spec).map((measure) => {
    const additive = isAdditive(measure.aggregate);
    const naming = { fallback: measure.name, showMeasure: false };
    return { measure: measure.name, additive, bars: topNBars(seriesOfMeasure(series, spec, measure.name), cap, additive, naming) };
  });
}

function total(series: Series): number {
  let sum = 0;
  for (const [, v] of series.points) if (Number.isFinite(v)) sum += v;
  return sum;
}

/**
 * All series of a panel as one: the per-bucket sum for additive measures, the per-bucket mean
 * otherwise. What a stat panel shows and draws as its sparkline.
 */
export function combineSeries(series: readonly Series[], additive: boolean): Array<[number, number]> {
  if (series.length === 1) return (series[0] as Series).points.map(([t, v]) => [t, v]);
  const buckets = new Map<number, { sum: number; count: number }>();
  for (const s of series) {
    for (const [t, v] of s.points) {
      if (!Number.isFinite(v)) continue;
      const bucket = buckets.get(t) ?? { sum: 0, count: 0 };
      bucket.sum += v;
      bucket.count += 1;
      buckets.set(t, bucket);
    }
  }
  return [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([t, { sum, count }]) => [t, additive ? sum : sum / count]);
}

export interface StatSummary {
  /** Value of the newest bucket; null without data. */
  readonly latest: number | null;
  /** The whole range: total (additive) or mean of the buckets. */
  readonly period: number | null;
  readonly previousPeriod: number | null;
  /** (period - previous) / |previous|; null when there is nothing to compare with. */
  readonly change: number | null;
}

/** Stat panel: latest value and the range's value against the same-length period before it. */
export function statSummary(current: readonly Series[], previous: readonly Series[] | null, additive: boolean): StatSummary {
  const points = combineSeries(current, additive);
  const latest = points.length === 0 ? null : (points[points.length - 1] as [number, number])[1];
  const period = periodValue(points, additive);
  const previousPeriod = previous === null ? null : periodValue(combineSeries(previous, additive), additive);
  const change =
    period === null || previousPeriod === null || previousPeriod === 0
      ? null
      : (period - previousPeriod) / Math.abs(previousPeriod);
  return { latest, period, previousPeriod, change };
}

function periodValue(points: ReadonlyArray<readonly [number, number]>, additive: boolean): number | null {
  if (points.length === 0) return null;
  const sum = points.reduce((acc, [, v]) => acc + v, 0);
  return additive ? sum : sum / points.length;
}

export interface TableData {
  readonly columns: readonly string[];
  /** Newest bucket first; a cell is null where that series has no bucket. */
  readonly rows: ReadonlyArray<{ readonly time: number; readonly values: ReadonlyArray<number | null> }>;
  /** Buckets in the data; `rows` may hold fewer (the newest `maxRows`). */
  readonly totalRows: number;
}

/**
 * Table panel: one row per bucket, one column per series (in the order the series come, so a panel with
 * several measures has its columns grouped by measure, named "revenue · de").
 */
export function tableRows(series: readonly Series[], naming: SeriesNaming, maxRows: number): TableData {
  const columns = series.map((s) => seriesName(s, naming));
  const byTime = new Map<number, Array<number | null>>();
  series.forEach((s, column) => {
    for (const [t, v] of s.points) {
      let row = byTime.get(t);
      if (!row) {
        row = new Array<number | null>(series.length).fill(null);
        byTime.set(t, row);
      }
      row[column] = v;
    }
  });
  const times = [...byTime.keys()].sort((a, b) => b - a);
  return {
    columns,
    rows: times.slice(0, maxRows).map((time) => ({ time, values: byTime.get(time) as Array<number | null> })),
    totalRows: times.length,
  };
}

/**
 * Whether a panel's series may be stacked: groups of one additive measure (count, sum), whose stack top is
 * the total. Quantiles, averages, distinct counts or min/max of groups do not add up (three p75s stacked
 * read as a p75 of their sum), and measures of different units are never stacked on each other.
 */
export function canStack(spec: PanelSpec): boolean {
  const measures = panelMeasures(spec);
  return (spec.groupBy?.length ?? 0) > 0 && measures.length === 1 && isAdditive(measures[0]?.aggregate);
}

/**
 * Stacked area: each series' values become the running sum of it and every series before it (a
 * missing bucket counts as 0, or the stack would have holes), so series k is drawn from the top of
 * series k-1. `bands` tells uPlot to fill between neighbours instead of down to zero.
 */
export function stackAligned(data: AlignedData): { data: AlignedData; bands: Array<[number, number]> } {
  const xs = data[0];
  const running = new Array<number>(xs.length).fill(0);
  const stacked = data.slice(1).map((ys) =>
    (ys as ArrayLike<number | null | undefined>).length === 0
      ? []
      : Array.from({ length: xs.length }, (_, i) => (running[i] = (running[i] as number) + ((ys as (number | null)[])[i] ?? 0))),
  );
  const bands: Array<[number, number]> = [];
  for (let k = 2; k <= stacked.length; k++) bands.push([k, k - 1]);
  return { data: [xs, ...stacked] as AlignedData, bands };
}
