import { describe, expect, it } from 'vitest';
import { formatRange, formatValue } from './format';

describe('formatRange', () => {
  it('names the range in the largest whole unit', () => {
    expect(formatRange(6 * 3_600_000)).toBe('Last 6 hours');
    expect(formatRange(90 * 60_000)).toBe('Last 90 minutes');
    expect(formatRange(86_400_000)).toBe('Last 1 day');
  });
});

describe('formatValue', () => {
  it('keeps small numbers readable and shortens large ones', () => {
    expect(formatValue(42.12345)).toBe('42.123');
    expect(formatValue(1_234_567)).toBe('1.23M');
    expect(formatValue(null)).toBe('–');
  });
});
