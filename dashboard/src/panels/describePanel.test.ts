import { describe, expect, it } from 'vitest';
import type { PanelSpec } from '../api/contract';
import { describePanel } from './describePanel';

const spec = (over: Partial<PanelSpec>): PanelSpec => ({ id: 'p', title: 'P', type: 'timeseries', stream: 'checkout', measure: 'latency', ...over });

describe('describePanel', () => {
  it('names stream, measure with its quantile, and the grouping', () => {
    expect(describePanel(spec({ quantile: 0.99, groupBy: ['country'] }))).toBe('checkout · latency p99 · by country');
  });

  it('lists several measures, the quantile only on the quantiles one, units and the top-N limit', () => {
    const several = spec({
      measure: 'events',
      measures: [
        { name: 'events', aggregate: 'count' },
        { name: 'revenue', aggregate: 'sum', unit: 'EUR' },
        { name: 'latency', aggregate: 'quantiles' },
      ],
      quantile: 0.5,
      groupBy: ['country'],
      limit: 5,
    });
    expect(describePanel(several)).toBe('checkout · events, revenue (EUR), latency p50 · top 5 by country');
  });
});
