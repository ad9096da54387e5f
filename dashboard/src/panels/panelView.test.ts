import { describe, expect, it } from 'vitest';
import type { PanelData } from '../api/contract';
import { summarize } from '../data/summary';
import { panelView } from './PanelFrame';
import type { PanelState } from './panelsState';

const data = (points: Array<[number, number]>): PanelData => ({
  panel: 'p',
  granularity: '1m',
  from: 0,
  to: 1,
  series: points.length === 0 ? [] : [{ labels: {}, points }],
});
const state = (over: Partial<PanelState>): PanelState => ({ data: null, live: false, error: null, previous: null, ...over });

describe('panelView', () => {
  it('is loading until data or an error arrives', () => {
    expect(panelView(undefined, summarize([]))).toBe('loading');
    expect(panelView(state({}), summarize([]))).toBe('loading');
  });

  it('shows the error only while there is no data to show', () => {
    expect(panelView(state({ error: 'unknown panel' }), summarize([]))).toBe('error');
    const kept = data([[1, 2]]);
    expect(panelView(state({ data: kept, error: 'late failure' }), summarize(kept.series))).toBe('ready');
  });

  it('shows a panel with a problem as invalid, whatever data it has', () => {
    const problem = { reason: 'UnknownMeasure', message: 'stream checkout has no measure "refunds"' };
    expect(panelView(undefined, summarize([]), problem)).toBe('invalid');
    const kept = data([[1, 2]]);
    expect(panelView(state({ data: kept }), summarize(kept.series), problem)).toBe('invalid');
    expect(panelView(state({ data: kept }), summarize(kept.series), null)).toBe('ready');
  });

  it('says empty when the range has no point', () => {
    expect(panelView(state({ data: data([]) }), summarize([]))).toBe('empty');
  });
});
