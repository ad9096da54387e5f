import type uPlot from 'uplot';
import { formatValue } from '../data/format';

// Readable on the dark background; a series keeps its colour as long as its position holds.
const PALETTE = ['#5ab0ff', '#f5a623', '#7ed38b', '#ff6b8a', '#b18cff', '#4fd1c5', '#f7d154', '#ff8f5a'];
const AXIS_TEXT = '#9aa7b8';
const GRID = 'rgba(154, 167, 184, 0.12)';

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length] as string;
}

export function chartOptions(seriesNames: readonly string[], width: number, height: number): uPlot.Options {
  const axis: uPlot.Axis = {
    stroke: AXIS_TEXT,
    grid: { stroke: GRID, width: 1 },
    ticks: { stroke: GRID, width: 1 },
  };
  return {
    width,
    height,
    ms: 1, // x values are epoch milliseconds, as the API sends them
    scales: { x: { time: true } },
    series: [
      {},
      ...seriesNames.map((label, index) => ({
        label,
        stroke: seriesColor(index),
        width: 2,
        // x is the union of all series' timestamps, so a series has nulls where another has a
        // bucket; drawing across them keeps each line continuous.
        spanGaps: true,
        value: (_: uPlot, value: number | null) => formatValue(value),
      })),
    ],
    axes: [axis, { ...axis, size: 56, values: (_: uPlot, splits: number[]) => splits.map(formatValue) }],
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false } },
  };
}
