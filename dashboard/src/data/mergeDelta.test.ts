import { describe, expect, it } from 'vitest';
import type { Series } from '../api/contract';
import { mergeDelta } from './mergeDelta';

const MIN = 60_000;
const t = (minute: number) => minute * MIN;

describe('mergeDelta', () => {
  it('replaces the open bucket when the delta carries its new value', () => {
    const series: Series[] = [{ labels: {}, points: [[t(1), 5], [t(2), 7]] }];

    const merged = mergeDelta(series, [{ labels: {}, points: [[t(2), 9]] }], 0);

    expect(merged).toEqual([{ labels: {}, points: [[t(1), 5], [t(2), 9]] }]);
  });

  it('appends buckets newer than the last one, in time order', () => {
    const series: Series[] = [{ labels: {}, points: [[t(1), 5], [t(2), 7]] }];

    const merged = mergeDelta(series, [{ labels: {}, points: [[t(2), 8], [t(3), 1]] }], 0);

    expect(merged[0]?.points).toEqual([[t(1), 5], [t(2), 8], [t(3), 1]]);
  });

  it('puts a late bucket between existing ones and sorts an unsorted delta', () => {
    const series: Series[] = [{ labels: {}, points: [[t(1), 1], [t(4), 4]] }];

    const merged = mergeDelta(series, [{ labels: {}, points: [[t(5), 5], [t(2), 2]] }], 0);

    expect(merged[0]?.points.map(([time]) => time)).toEqual([t(1), t(2), t(4), t(5)]);
  });

  it('matches series by labels whatever their order, and leaves series the delta does not name alone', () => {
    const de: Series = { labels: { country: 'de', platform: 'ios' }, points: [[t(1), 1]] };
    const fr: Series = { labels: { country: 'fr', platform: 'ios' }, points: [[t(1), 2]] };

    const merged = mergeDelta([de, fr], [{ labels: { platform: 'ios', country: 'de' }, points: [[t(1), 10]] }], 0);

    expect(merged).toEqual([
      { labels: { country: 'de', platform: 'ios' }, points: [[t(1), 10]] },
      fr,
    ]);
    expect(merged[1]).toBe(fr);
  });

  it('adds a series that first appears in a delta', () => {
    const de: Series = { labels: { country: 'de' }, points: [[t(1), 1]] };

    const merged = mergeDelta([de], [{ labels: { country: 'it' }, points: [[t(2), 3]] }], 0);

    expect(merged).toEqual([de, { labels: { country: 'it' }, points: [[t(2), 3]] }]);
  });

  it('drops points older than the range start from every series, and series left empty', () => {
    const series: Series[] = [
      { labels: { country: 'de' }, points: [[t(1), 1], [t(2), 2], [t(3), 3]] },
      { labels: { country: 'fr' }, points: [[t(1), 9]] },
    ];

    const merged = mergeDelta(series, [{ labels: { country: 'de' }, points: [[t(4), 4], [t(1), 100]] }], t(2));

    expect(merged).toEqual([{ labels: { country: 'de' }, points: [[t(2), 2], [t(3), 3], [t(4), 4]] }]);
  });

  it('takes the last of repeated timestamps within one delta', () => {
    const merged = mergeDelta([], [{ labels: {}, points: [[t(1), 1], [t(1), 2]] }], 0);

    expect(merged).toEqual([{ labels: {}, points: [[t(1), 2]] }]);
  });

  it('keeps the series of two measures with the same labels apart, with their measure and other flag', () => {
    const series: Series[] = [
      { labels: { country: 'de' }, measure: 'events', points: [[t(1), 10]] },
      { labels: { country: 'de' }, measure: 'revenue', points: [[t(1), 99]] },
      { labels: { country: '__other__' }, measure: 'events', other: true, points: [[t(1), 5]] },
    ];

    const merged = mergeDelta(
      series,
      [
        { labels: { country: 'de' }, measure: 'revenue', points: [[t(1), 120]] },
        { labels: { country: '__other__' }, measure: 'events', other: true, points: [[t(2), 6]] },
      ],
      0,
    );

    expect(merged).toEqual([
      { labels: { country: 'de' }, measure: 'events', points: [[t(1), 10]] },
      { labels: { country: 'de' }, measure: 'revenue', points: [[t(1), 120]] },
      { labels: { country: '__other__' }, measure: 'events', other: true, points: [[t(1), 5], [t(2), 6]] },
    ]);
    expect(merged[0]).toBe(series[0]); // untouched series keep their identity: no re-render
  });

  it('does not change its inputs', () => {
    const series: Series[] = [{ labels: {}, points: [[t(1), 1]] }];
    const delta: Series[] = [{ labels: {}, points: [[t(3), 3], [t(2), 2]] }];
    const before = JSON.stringify([series, delta]);

    mergeDelta(series, delta, t(2));

    expect(JSON.stringify([series, delta])).toBe(before);
  });
});
