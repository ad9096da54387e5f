import { describe, expect, it } from 'vitest';
import type { Series } from '../api/contract';
import type { PanelSpec } from '../api/contract';
import { barGroups, canStack, combineSeries, isAdditive, stackAligned, statSummary, tableRows, topNBars } from './panelTransforms';

const MIN = 60_000;
const t = (minute: number) => minute * MIN;
const country = (code: string, ...values: number[]): Series => ({
  labels: { country: code },
  points: values.map((v, i) => [t(i), v]),
});

const named = (fallback: string) => ({ fallback, showMeasure: false });

describe('topNBars', () => {
  it('keeps the N largest totals and sums the rest into "other"', () => {
    const series = [country('de', 1, 2), country('fr', 10), country('us', 4, 4), country('it', 1), country('es', 2)];

    const bars = topNBars(series, 2, true, named('revenue'));

    expect(bars).toEqual([
      { name: 'fr', value: 10, other: false },
      { name: 'us', value: 8, other: false },
      { name: 'other (3)', value: 6, other: true },
    ]);
  });

  it('has no "other" when every series fits', () => {
    expect(topNBars([country('de', 1), country('fr', 2)], 5, true, named('x')).map((b) => b.name)).toEqual(['fr', 'de']);
  });

  it('ranks a non-additive measure by its latest value and leaves the rest out instead of summing it', () => {
    const bars = topNBars([country('de', 900, 100), country('fr', 50, 300), country('us', 200)], 2, false, named('p99'));

    expect(bars).toEqual([
      { name: 'fr', value: 300, other: false },
      { name: 'us', value: 200, other: false },
    ]);
  });
});

describe('topNBars with the server\'s "other"', () => {
  const otherSeries = (...values: number[]): Series => ({ labels: { country: '__other__' }, other: true, points: values.map((v, i) => [t(i), v]) });

  it('puts the server\'s folded series last, whatever its size, named "other"', () => {
    const bars = topNBars([otherSeries(50, 50), country('de', 3), country('fr', 7)], 10, true, named('revenue'));

    expect(bars).toEqual([
      { name: 'fr', value: 7, other: false },
      { name: 'de', value: 3, other: false },
      { name: 'other', value: 100, other: true },
    ]);
  });

  it('adds groups beyond the cap to the server\'s "other"', () => {
    const bars = topNBars([country('de', 3), country('fr', 7), otherSeries(1)], 1, true, named('revenue'));

    expect(bars).toEqual([
      { name: 'fr', value: 7, other: false },
      { name: 'other', value: 4, other: true },
    ]);
  });
});

describe('barGroups', () => {
  const spec: PanelSpec = {
    id: 'p',
    title: 'Checkout by country',
    type: 'bar',
    stream: 'checkout',
    measure: 'events',
    measures: [
      { name: 'events', aggregate: 'count' },
      { name: 'latency', aggregate: 'quantiles' },
    ],
    groupBy: ['country'],
  };

  it('ranks each measure on its own: totals for a count, latest values for a quantile', () => {
    const groups = barGroups(
      [
        { labels: { country: 'de' }, measure: 'events', points: [[t(1), 2], [t(2), 3]] },
        { labels: { country: 'fr' }, measure: 'events', points: [[t(1), 9]] },
        { labels: { country: 'de' }, measure: 'latency', points: [[t(1), 900], [t(2), 120]] },
        { labels: { country: 'fr' }, measure: 'latency', points: [[t(1), 300]] },
      ],
      spec,
      10,
    );

    expect(groups).toEqual([
      { measure: 'events', additive: true, bars: [{ name: 'fr', value: 9, other: false }, { name: 'de', value: 5, other: false }] },
      { measure: 'latency', additive: false, bars: [{ name: 'fr', value: 300, other: false }, { name: 'de', value: 120, other: false }] },
    ]);
  });

  it('gives series without a measure (an older server) to the first measure', () => {
    const single: PanelSpec = { ...spec, measures: null, aggregate: 'sum' };
    expect(barGroups([country('de', 1, 1)], single, 10)).toEqual([{ measure: 'events', additive: true, bars: [{ name: 'de', value: 2, other: false }] }]);
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
      named('revenue'),
      10,
    );

    expect(table.columns).toEqual(['de', 'fr']);
    expect(table.rows).toEqual([
      { time: t(2), values: [2, 7] },
      { time: t(1), values: [1, null] },
    ]);
    expect(table.totalRows).toBe(2);
  });

  it('names columns by measure and group when the panel has several measures', () => {
    const table = tableRows(
      [
        { labels: { c: 'de' }, measure: 'events', points: [[t(1), 1]] },
        { labels: { c: 'de' }, measure: 'revenue', points: [[t(1), 20]] },
      ],
      { fallback: 'Checkout', showMeasure: true },
      10,
    );

    expect(table.columns).toEqual(['events · de', 'revenue · de']);
    expect(table.rows).toEqual([{ time: t(1), values: [1, 20] }]);
  });

  it('keeps only the newest rows when there are more than asked for', () => {
    const table = tableRows([{ labels: {}, points: [[t(1), 1], [t(2), 2], [t(3), 3]] }], named('events'), 2);

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

describe('canStack', () => {
  const panel = (over: Partial<PanelSpec>): PanelSpec => ({ id: 'p', title: 'P', type: 'timeseries', stream: 's', measure: 'events', aggregate: 'count', groupBy: ['country'], ...over });

  it('stacks groups of one count or sum, whose top is the total', () => {
    expect(canStack(panel({}))).toBe(true);
    expect(canStack(panel({ measures: [{ name: 'revenue', aggregate: 'sum' }] }))).toBe(true);
  });

  it('never stacks quantiles, averages or distinct counts, several measures, or an ungrouped panel', () => {
    expect(canStack(panel({ measures: [{ name: 'lcp', aggregate: 'quantiles' }] }))).toBe(false);
    expect(canStack(panel({ measures: [{ name: 'basket', aggregate: 'avg' }] }))).toBe(false);
    expect(canStack(panel({ measures: [{ name: 'buyers', aggregate: 'uniq' }] }))).toBe(false);
    expect(canStack(panel({ measures: [{ name: 'events', aggregate: 'count' }, { name: 'revenue', aggregate: 'sum' }] }))).toBe(false);
    expect(canStack(panel({ groupBy: [] }))).toBe(false);
  });
});
