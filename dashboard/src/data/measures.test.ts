import { describe, expect, it } from 'vitest';
import type { PanelSpec, Series } from '../api/contract';
import { orderSeries, panelMeasures, seriesOfMeasure } from './measures';

const spec: PanelSpec = {
  id: 'p',
  title: 'Checkouts and buyers',
  type: 'timeseries',
  stream: 'checkout',
  measure: 'events',
  measures: [
    { name: 'events', aggregate: 'count' },
    { name: 'buyers', aggregate: 'uniq' },
  ],
  groupBy: ['country'],
};
const s = (measure: string | undefined, country: string, other = false): Series => ({
  labels: { country },
  ...(measure ? { measure } : {}),
  ...(other ? { other } : {}),
  points: [],
});

describe('orderSeries', () => {
  it('orders by the panel\'s measures, "other" last within a measure, the server\'s order otherwise', () => {
    const ordered = orderSeries([s('buyers', 'us'), s('events', '__other__', true), s('events', 'us'), s('events', 'de'), s('buyers', 'de')], spec);

    expect(ordered.map((x) => `${x.measure}:${x.labels.country}`)).toEqual([
      'events:us',
      'events:de',
      'events:__other__',
      'buyers:us',
      'buyers:de',
    ]);
  });

  it('keeps an array that is in order as it is (no re-render)', () => {
    const inOrder = [s('events', 'us'), s('buyers', 'us')];
    expect(orderSeries(inOrder, spec)).toBe(inOrder);
  });
});

describe('panelMeasures and seriesOfMeasure', () => {
  it('falls back to the single measure of an older server and gives it the series without measure', () => {
    const old: PanelSpec = { id: 'p', title: 'Revenue', type: 'bar', stream: 'checkout', measure: 'revenue', aggregate: 'sum' };
    expect(panelMeasures(old)).toEqual([{ name: 'revenue', aggregate: 'sum' }]);
    expect(seriesOfMeasure([s(undefined, 'de')], old, 'revenue')).toHaveLength(1);
    expect(seriesOfMeasure([s('events', 'de')], spec, 'buyers')).toHaveLength(0);
  });
});
