import { describe, expect, it } from 'vitest';
import { chartOptions } from './chartOptions';

const look = { theme: 'dark' as const, stacked: false, bands: [], xWindow: () => null };

describe('chartOptions', () => {
  it('puts every series on one y axis when the panel has one measure', () => {
    const options = chartOptions(['de', 'fr'], 400, 200, look);

    expect(options.axes).toHaveLength(2);
    expect(options.series.slice(1).map((s) => s.scale)).toEqual([undefined, undefined]);
  });

  it('gives each measure its own scale, the first on the left axis and the second on the right', () => {
    const options = chartOptions(['events · de', 'events · fr', 'revenue · de'], 400, 200, {
      ...look,
      seriesScales: ['measure:events', 'measure:events', 'measure:revenue'],
    });

    expect(options.series.slice(1).map((s) => s.scale)).toEqual(['measure:events', 'measure:events', 'measure:revenue']);
    expect(options.axes?.slice(1).map((a) => [a.scale, a.side ?? 3])).toEqual([
      ['measure:events', 3],
      ['measure:revenue', 1],
    ]);
  });
});
