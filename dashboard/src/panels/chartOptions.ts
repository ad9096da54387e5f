import type uPlot from 'uplot';
import { formatValue } from '../data/format';
import type { Theme } from '../theme/theme';
import type { Window } from '../data/timeRange';

// A series keeps its colour as long as its position holds; each theme has colours readable on its surface.
const PALETTES: Record<Theme, readonly string[]> = {
  dark: ['#5ab0ff', '#f5a623', '#7ed38b', '#ff6b8a', '#b18cff', '#4fd1c5', '#f7d154', '#ff8f5a'],
  light: ['#1f6fd1', '#c77700', '#2f9e44', '#d6336c', '#7048e8', '#0c8599', '#a08000', '#e8590c'],
};
const AXIS_TEXT: Record<Theme, string> = { dark: '#9aa7b8', light: '#4a5565' };
const GRID: Record<Theme, string> = { dark: 'rgba(154, 167, 184, 0.12)', light: 'rgba(60, 72, 88, 0.12)' };

export function seriesColor(index: number, theme: Theme): string {
  const palette = PALETTES[theme];
  return palette[index % palette.length] as string;
}

export interface ChartLook {
  readonly theme: Theme;
  /** Stacked area: series are running sums, filled between neighbours (`bands`). */
  readonly stacked: boolean;
  readonly bands: ReadonlyArray<readonly [number, number]>;
  /** Read on every redraw: the x axis spans the selected range, not just the data. */
  readonly xWindow: () => Window | null;
  /**
   * The y scale of each series; absent: all on one. A panel with several measures gives each measure its
   * own scale (revenue in thousands would flatten a count in tens): the first has the left axis, the second
   * the right one, further ones are read from the legend.
   */
  readonly seriesScales?: readonly string[];
}

export function chartOptions(seriesNames: readonly string[], width: number, height: number, look: ChartLook): uPlot.Options {
  const axis: uPlot.Axis = {
    stroke: AXIS_TEXT[look.theme],
    grid: { stroke: GRID[look.theme], width: 1 },
    ticks: { stroke: GRID[look.theme], width: 1 },
  };
  const scaleKeys = [...new Set(look.seriesScales ?? [])];
  const yAxes: uPlot.Axis[] =
    scaleKeys.length > 1
      ? [
          { ...axis, scale: scaleKeys[0], size: 56, values: (_: uPlot, splits: number[]) => splits.map(formatValue) },
          { ...axis, scale: scaleKeys[1], side: 1, size: 56, grid: { show: false }, values: (_: uPlot, splits: number[]) => splits.map(formatValue) },
        ]
      : [{ ...axis, size: 56, values: (_: uPlot, splits: number[]) => splits.map(formatValue) }];
  return {
    width,
    height,
    ms: 1, // x values are epoch milliseconds, as the API sends them
    scales: {
      x: {
        time: true,
        range: (_: uPlot, min: number, max: number) => {
          const window = look.xWindow();
          return window ? [Math.min(window.from, min), Math.max(window.to, max)] : [min, max];
        },
      },
      // A stack is read from zero (its layers are shares of the total); lines keep uPlot's fitted range.
      ...(look.stacked ? { y: { range: (_: uPlot, min: number, max: number): uPlot.Range.MinMax => [Math.min(0, min), max * 1.05 || 1] } } : {}),
    },
    series: [
      {},
      ...seriesNames.map((label, index) => ({
        label,
        stroke: seriesColor(index, look.theme),
        width: look.stacked ? 1 : 2,
        fill: look.stacked ? `${seriesColor(index, look.theme)}66` : undefined,
        // x is the union of all series' timestamps, so a series has nulls where another has a
        // bucket; drawing across them keeps each line continuous.
        spanGaps: true,
        ...(scaleKeys.length > 1 ? { scale: look.seriesScales?.[index] } : {}),
        value: (_: uPlot, value: number | null) => formatValue(value),
      })),
    ],
    bands: look.bands.map(([upper, lower]) => ({ series: [upper, lower] as [number, number] })),
    axes: [axis, ...yAxes],
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false } },
  };
}
