import { describe, expect, it } from 'vitest';
import type { PanelData } from '../api/contract';
import { panelsReducer, type PanelsState } from './panelsState';

const MIN = 60_000;
const data = (value: number): PanelData => ({
  panel: 'revenue',
  granularity: '1m',
  from: 0,
  to: 2 * MIN,
  series: [{ labels: {}, points: [[MIN, 1], [2 * MIN, value]] }],
});

describe('panelsReducer', () => {
  it('shows the REST answer until the live snapshot arrives, then ignores a late REST answer', () => {
    let state: PanelsState = {};
    state = panelsReducer(state, { type: 'loaded', panel: 'revenue', data: data(1) });
    expect(state.revenue?.data).toEqual(data(1));

    state = panelsReducer(state, { type: 'snapshot', panel: 'revenue', data: data(2) });
    state = panelsReducer(state, { type: 'loaded', panel: 'revenue', data: data(3) });

    expect(state.revenue?.data?.series[0]?.points).toEqual([[MIN, 1], [2 * MIN, 2]]);
    expect(state.revenue?.live).toBe(true);
  });

  it('merges a delta into the snapshot', () => {
    let state = panelsReducer({}, { type: 'snapshot', panel: 'revenue', data: data(2) });
    state = panelsReducer(state, {
      type: 'delta',
      panel: 'revenue',
      granularity: '1m',
      series: [{ labels: {}, points: [[2 * MIN, 5], [3 * MIN, 1]] }],
      rangeStartMs: 0,
    });

    expect(state.revenue?.data?.series[0]?.points).toEqual([[MIN, 1], [2 * MIN, 5], [3 * MIN, 1]]);
    expect(state.revenue?.data?.to).toBe(3 * MIN);
  });

  it('keeps the other panels untouched, so they do not re-render', () => {
    const other = panelsReducer({}, { type: 'snapshot', panel: 'p99', data: { ...data(1), panel: 'p99' } });
    const next = panelsReducer(other, { type: 'snapshot', panel: 'revenue', data: data(2) });

    expect(next.p99).toBe(other.p99);
  });

  it('reports a failed load, but not over live data', () => {
    const failed = panelsReducer({}, { type: 'failed', panel: 'revenue', message: 'unknown panel' });
    expect(failed.revenue).toEqual({ data: null, live: false, error: 'unknown panel', previous: null });

    const live = panelsReducer({}, { type: 'snapshot', panel: 'revenue', data: data(2) });
    expect(panelsReducer(live, { type: 'failed', panel: 'revenue', message: 'timeout' })).toBe(live);
  });

  it('starts a panel over when its range or variables change, so the next REST answer is shown again', () => {
    let state = panelsReducer({}, { type: 'snapshot', panel: 'revenue', data: data(2) });
    const other = panelsReducer(state, { type: 'snapshot', panel: 'orders', data: data(7) }).orders;
    state = { ...state, orders: other as NonNullable<typeof other> };
    state = panelsReducer(state, { type: 'resetPanel', panel: 'revenue' });
    expect(state.revenue).toBeUndefined();
    expect(state.orders).toBe(other); // a panel the change does not touch keeps what it shows

    state = panelsReducer(state, { type: 'loaded', panel: 'revenue', data: data(5) });
    expect(state.revenue?.data).toEqual(data(5));
    expect(state.revenue?.live).toBe(false);
  });

  it('keeps the previous period of a stat panel through live snapshots and deltas', () => {
    const previous = [{ labels: {}, points: [[0, 4]] as [number, number][] }];
    let state = panelsReducer({}, { type: 'previousLoaded', panel: 'revenue', series: previous });
    state = panelsReducer(state, { type: 'snapshot', panel: 'revenue', data: data(2) });
    state = panelsReducer(state, { type: 'delta', panel: 'revenue', granularity: '1m', series: [], rangeStartMs: 0 });

    expect(state.revenue?.previous).toBe(previous);
  });
});
