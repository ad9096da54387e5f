import { describe, expect, it } from 'vitest';
import type { StreamFreshness } from '../api/contract';
import { formatAge, freshnessBadge } from './streamFreshness';

const stream = (over: Partial<StreamFreshness>): StreamFreshness => ({
  stream: 'checkout',
  newestIngestedAt: 1_000,
  ageMs: 2_000,
  state: 'fresh',
  maxLagMs: 30_000,
  ...over,
});

describe('freshnessBadge', () => {
  it('says fresh for a stream within its threshold, with the age in the details', () => {
    const badge = freshnessBadge({ streams: [stream({})] }, null);

    expect(badge.state).toBe('fresh');
    expect(badge.text).toBe('Fresh');
    expect(badge.details).toEqual(['checkout: fresh, newest event ingested 2 s ago (lag allowed: 30 s)']);
  });

  it('says how far behind a lagging stream is', () => {
    const badge = freshnessBadge({ streams: [stream({ state: 'lagging', ageMs: 42_400 })] }, null);

    expect(badge).toMatchObject({ state: 'lagging', text: 'Lagging: data is 42 s behind' });
  });

  it('shows the worst stream and names it when the dashboard reads several', () => {
    const badge = freshnessBadge(
      { streams: [stream({}), stream({ stream: 'orders', state: 'stale', ageMs: 3_600_000 }), stream({ stream: 'cart', state: 'lagging', ageMs: 90_000 })] },
      null,
    );

    expect(badge).toMatchObject({ state: 'stale', text: 'Stale: orders: no new data for 60 min' });
    expect(badge.details).toHaveLength(3);
  });

  it('tells empty and unknown apart, and a failed request is unknown with its reason', () => {
    expect(freshnessBadge({ streams: [stream({ state: 'empty', ageMs: null, newestIngestedAt: null })] }, null)).toMatchObject({
      state: 'empty',
      text: 'No data yet',
    });
    expect(freshnessBadge({ streams: [stream({ state: 'unknown', ageMs: null })] }, null).text).toBe('Freshness unknown');
    expect(freshnessBadge(null, 'HTTP 503')).toEqual({
      state: 'unknown',
      text: 'Freshness unknown',
      details: ['The status request failed: HTTP 503'],
    });
    expect(freshnessBadge(null, null).text).toBe('Checking freshness…');
  });
});

describe('formatAge', () => {
  it('uses seconds up to 2 minutes, then minutes, hours and days', () => {
    expect(formatAge(400)).toBe('0 s');
    expect(formatAge(119_000)).toBe('119 s');
    expect(formatAge(180_000)).toBe('3 min');
    expect(formatAge(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 5 min');
    expect(formatAge(3 * 3_600_000)).toBe('3 h');
    expect(formatAge(3 * 86_400_000)).toBe('3 d');
  });
});
