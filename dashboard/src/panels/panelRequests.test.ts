import { describe, expect, it } from 'vitest';
import type { PanelSpec } from '../api/contract';
import { panelRequests } from './panelRequests';

const HOUR = 3_600_000;
const spec = (id: string, over: Partial<PanelSpec> = {}): PanelSpec => ({
  id,
  title: id,
  type: 'timeseries',
  stream: 'checkout',
  measure: 'events',
  variables: ['country'],
  ...over,
});
const byPanel = (requests: ReturnType<typeof panelRequests>) => Object.fromEntries(requests.map((r) => [r.panel, r]));

describe('panelRequests', () => {
  const specs = [
    spec('events'),
    spec('week', { rangeMs: 7 * 24 * HOUR, range: '7d' }),
    spec('other-stream', { variables: [] }),
    spec('broken', { problem: { reason: 'UnknownMeasure', message: 'stream checkout has no measure "refunds"' } }),
  ];

  it('asks nothing for a panel with a problem', () => {
    expect(panelRequests(specs, { kind: 'relative', ms: HOUR }, 0, {}).map((r) => r.panel)).toEqual(['events', 'week', 'other-stream']);
  });

  it('keeps a range override whatever the picker says, and the picker does not reload it', () => {
    const before = byPanel(panelRequests(specs, { kind: 'relative', ms: HOUR }, 0, {}));
    const after = byPanel(panelRequests(specs, { kind: 'absolute', from: 0, to: HOUR }, 1, {}));

    expect(after.week?.selection).toEqual({ kind: 'relative', ms: 7 * 24 * HOUR });
    expect(after.week?.rangeMs).toBe(7 * 24 * HOUR);
    expect(after.week?.key).toBe(before.week?.key);
    expect(after.events?.key).not.toBe(before.events?.key);
    expect(after.events?.rangeMs).toBe(HOUR);
  });

  it('narrows only the panels a variable applies to, and reloads only those', () => {
    const page = { kind: 'relative', ms: HOUR } as const;
    const before = byPanel(panelRequests(specs, page, 0, {}));
    const after = byPanel(panelRequests(specs, page, 0, { country: 'de' }));

    expect(after.events?.vars).toEqual({ country: 'de' });
    expect(after.week?.vars).toEqual({ country: 'de' });
    expect(after['other-stream']?.vars).toEqual({});
    expect(after.events?.key).not.toBe(before.events?.key);
    expect(after.week?.key).not.toBe(before.week?.key);
    expect(after['other-stream']?.key).toBe(before['other-stream']?.key);
  });
});
