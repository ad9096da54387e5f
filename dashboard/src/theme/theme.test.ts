import { describe, expect, it } from 'vitest';
import { initialTheme } from './theme';

describe('initialTheme', () => {
  it('prefers the stored choice, then the system preference', () => {
    expect(initialTheme('light', false)).toBe('light');
    expect(initialTheme('dark', true)).toBe('dark');
    expect(initialTheme(null, true)).toBe('light');
    expect(initialTheme('bogus', false)).toBe('dark');
  });
});
