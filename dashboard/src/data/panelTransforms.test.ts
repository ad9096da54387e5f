import { describe, expect, it } from 'vitest';
import type { Series } from '../api/contract';
import { combineSeries, isAdditive, stackAligned, statSummary, tableRows, topNBars } from './panelTransforms';

const MIN = 60_000;
const t = (minute: number) => minute * MIN;
const country = (code: string, ...values: number[]): Series => ({
  labels: { country: code },
  points: values.map((v, i) => [t(i), v]),
});

describe('topNBars', () => {
  it('keeps the N largest totals and sums the rest into "other"', () => {
    const series = [country('de', 1, 2), country('fr', 10), country('us', 4, 4), country('it', 1), country('es', 2)];

    const bars = topNBars(series, 2, true, 'revenue');

    expect(bars).toEqual([
      { name: 'fr', value: 10, other: false },
      { name: 'us', value: 8, other: false },
      { name: 'other (3)', value: 6, other: true },
    ]);
  });

  it('has no "other" when every series fits', () => {
    expect(topNBars([country('de', 1), country('fr', 2)], 5, true, 'x').map((b) => b.name)).toEqual(['fr', 'de']);
  });

  it('ranks a non-additive measure by its latest value and leaves the rest out instead of summing it', () => {
    const bars = topNBars([country('de', 900, 100), country('fr', 50, 300), country('us', 200)], 2, false, 'p99');

    expect(bars).toEqual([
      { name: 'fr', value: 300, other: false },
      { name: 'us', value: 200, other: false },
    ]);
  });
});

describe('statSummary', () => {
  it('compares the range total with the previous period for counts', () => {
    const stat = statSummary([country('de', 5, 10), country('fr', 5)], [country('de', 4, 4)], true);

    expect(stat).toEqual({ latest: 10, period: 20, previousPeriod: 8, change: 1.5 });
  });

  it('uses means for a non-additive measure and reports a drop as a negative change', () => {
    const stat = statSummary([{ labels: {}, points: [[t(0), 100], [t(1), 50]] }], [{ labels: {}, points: [[t(0), 100]] }], false);

    expect(stat.latest).toBe(50);
    expect(stat.period).toBe(75);
    expect(stat.change).toBeCloseTo(-0.25);
  });

  it('has no change without a previous period, or when it was zero', () => {
    expect(statSummary([country('de', 1)], null, true).change).toBeNull();
    expect(statSummary([country('de', 1)], [country('de', 0)], true).change).toBeNull();
    expect(statSummary([], [country('de', 3)], true)).toEqual({ latest: null, period: null, previousPeriod: 3, change: null });
  });
});

describe('combineSeries', () => {
  it('sums grouped series per bucket, in time order', () => {
    const combined = combineSeries(
      [{ labels: { c: 'a' }, points: [[t(2), 1], [t(3), 1]] }, { labels: { c: 'b' }, points: [[t(1), 5], [t(2), 2]] }],
      true,
    );
    expect(combined).toEqual([[t(1), 5], [t(2), 3], [t(3), 1]]);
  });
});

describe('tableRows', () => {
  it('has one row per bucket, newest first, one column per series, blanks where a series has no bucket', () => {
    const table = tableRows(
      [{ labels: { c: 'de' }, points: [[t(1), 1], [t(2), 2]] }, { labels: { c: 'fr' }, points: [[t(2), 7]] }],
      'revenue',
      10,
    );

    expect(table.columns).toEqual(['de', 'fr']);
    expect(table.rows).toEqual([
      { time: t(2), values: [2, 7] },
      { time: t(1), values: [1, null] },
    ]);
    expect(table.totalRows).toBe(2);
  });

  it('keeps only the newest rows when there are more than asked for', () => {
    const table = tableRows([{ labels: {}, points: [[t(1), 1], [t(2), 2], [t(3), 3]] }], 'events', 2);

    expect(table.columns).toEqual(['events']);
    expect(table.rows.map((row) => row.time)).toEqual([t(3), t(2)]);
    expect(table.totalRows).toBe(3);
  });
});

describe('stackAligned', () => {
  it('turns series into running sums, a missing bucket counting as zero, with a band between neighbours', () => {
    const stacked = stackAligned([
      [t(1), t(2)],
      [1, null],
      [2, 3],
      [4, 5],
    ]);

    expect(stacked.data).toEqual([
      [t(1), t(2)],
      [1, 0],
      [3, 3],
      [7, 8],
    ]);
    expect(stacked.bands).toEqual([
      [2, 1],
      [3, 2],
    ]);
  });
});

describe('isAdditive', () => {
  it('adds counts and sums only', () => {
    expect([isAdditive('count'), isAdditive('sum'), isAdditive('quantiles'), isAdditive('uniq')]).toEqual([true, true, false, false]);
  });
});
