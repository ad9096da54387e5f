import { describe, expect, it } from 'vitest';
import { isStale } from './freshness';

describe('isStale', () => {
  it('flags a live page only after several missed refresh ticks, and never before 15 s', () => {
    expect(isStale(14_000, 1_000)).toBe(false);
    expect(isStale(16_000, 1_000)).toBe(true);
    expect(isStale(40_000, 10_000)).toBe(false);
    expect(isStale(51_000, 10_000)).toBe(true);
  });
});
