import { describe, expect, it } from 'vitest';
import type { PanelData } from '../api/contract';
import { toAlignedData } from './chartData';
import { seriesName } from './labels';
import { summarize } from './summary';

const MIN = 60_000;

// A REST answer as the query service sends it: grouped by country, the countries had events in
// different minutes.
const response: PanelData = {
  panel: 'revenue',
  granularity: '1m',
  from: 0,
  to: 4 * MIN,
  series: [
    { labels: { country: 'de' }, points: [[1 * MIN, 10], [3 * MIN, 30]] },
    { labels: { country: 'fr' }, points: [[2 * MIN, 20], [3 * MIN, 31], [4 * MIN, 41]] },
  ],
};

describe('toAlignedData', () => {
  it('puts all series on the union of their timestamps, with null where a series has no bucket', () => {
    expect(toAlignedData(response.series)).toEqual([
      [1 * MIN, 2 * MIN, 3 * MIN, 4 * MIN],
      [10, null, 30, null],
      [null, 20, 31, 41],
    ]);
  });

  it('keeps a single series as it is', () => {
    expect(toAlignedData([{ labels: {}, points: [[MIN, 1], [2 * MIN, 2]] }])).toEqual([
      [MIN, 2 * MIN],
      [1, 2],
    ]);
  });

  it('gives an empty x array when there is no data', () => {
    expect(toAlignedData([])).toEqual([[]]);
  });

  it('turns a value that is not a finite number into a gap', () => {
    const odd = [{ labels: {}, points: [[MIN, Number.NaN] as const, [2 * MIN, 2] as const] }];
    expect(toAlignedData(odd)).toEqual([[MIN, 2 * MIN], [null, 2]]);
  });
});

describe('seriesName', () => {
  it('names a series by its label values in dimension order, or by the fallback when it has none', () => {
    const one = { fallback: 'Revenue', showMeasure: false };
    expect(seriesName({ labels: { country: 'de' } }, one)).toBe('de');
    expect(seriesName({ labels: { platform: 'ios', country: 'de' } }, one)).toBe('de · ios');
    expect(seriesName({ labels: {} }, one)).toBe('Revenue');
  });

  it('names the measure too when the panel has several', () => {
    const several = { fallback: 'Checkout', showMeasure: true };
    expect(seriesName({ labels: { country: 'de' }, measure: 'revenue' }, several)).toBe('revenue · de');
    expect(seriesName({ labels: {}, measure: 'events' }, several)).toBe('events');
    expect(seriesName({ labels: {} }, several)).toBe('Checkout'); // a server that sends no measure
  });

  it('calls the server\'s folded series "other"', () => {
    const one = { fallback: 'Revenue', showMeasure: false };
    expect(seriesName({ labels: { country: '__other__' }, other: true }, one)).toBe('other');
    expect(seriesName({ labels: { country: '__other__' }, measure: 'revenue', other: true }, { ...one, showMeasure: true })).toBe(
      'revenue · other',
    );
  });
});

describe('summarize', () => {
  it('counts points over all series and reports the newest value', () => {
    expect(summarize(response.series)).toEqual({ points: 5, last: 41, lastTime: 4 * MIN, sum: 132 });
  });

  it('reports nothing for no data', () => {
    expect(summarize([])).toEqual({ points: 0, last: null, lastTime: null, sum: 0 });
  });
});
