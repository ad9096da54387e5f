import { describe, expect, it } from 'vitest';
import { absoluteRangeProblem, fromLocalInput, panelSelection, previousWindow, resolveWindow, toLocalInput } from './timeRange';

describe('time range', () => {
  it('resolves a preset against now and an absolute range as it is', () => {
    expect(resolveWindow({ kind: 'relative', ms: 3_600_000 }, 10_000_000)).toEqual({ from: 6_400_000, to: 10_000_000 });
    expect(resolveWindow({ kind: 'absolute', from: 5, to: 9 }, 10_000_000)).toEqual({ from: 5, to: 9 });
  });

  it('gives a panel with a range override its own sliding range, whatever the page picked', () => {
    const page = { kind: 'absolute', from: 5, to: 9 } as const;
    expect(panelSelection(7 * 86_400_000, page)).toEqual({ kind: 'relative', ms: 7 * 86_400_000 });
    expect(panelSelection(null, page)).toBe(page);
    expect(panelSelection(undefined, { kind: 'relative', ms: 60_000 })).toEqual({ kind: 'relative', ms: 60_000 });
  });

  it('compares with the period of the same length just before', () => {
    expect(previousWindow({ from: 100, to: 160 })).toEqual({ from: 40, to: 100 });
  });

  it('reads back what it writes into a datetime-local input', () => {
    const at = new Date(2026, 10, 29, 21, 5).getTime();
    expect(toLocalInput(at)).toBe('2026-11-29T21:05');
    expect(fromLocalInput('2026-11-29T21:05')).toBe(at);
    expect(fromLocalInput('')).toBeNull();
  });

  it('refuses an absolute range that is empty, reversed or too long', () => {
    expect(absoluteRangeProblem(null, 5)).toMatch(/both/);
    expect(absoluteRangeProblem(9, 5)).toMatch(/before/);
    expect(absoluteRangeProblem(0, 401 * 86_400_000)).toMatch(/400 days/);
    expect(absoluteRangeProblem(0, 5)).toBeNull();
  });
});
