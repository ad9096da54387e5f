import { useEffect, useLayoutEffect, useRef } from 'react';
import uPlot, { type AlignedData } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Window } from '../data/timeRange';
import { useCurrentTheme } from '../theme/ThemeContext';
import { chartOptions } from './chartOptions';

interface Props {
  readonly data: AlignedData;
  readonly seriesNames: readonly string[];
  /** Text alternative for the canvas. */
  readonly label: string;
  /** The range the x axis spans (it covers the data too, should a bucket stick out). */
  readonly xWindow: Window | null;
  readonly stacked?: boolean;
  readonly bands?: ReadonlyArray<readonly [number, number]>;
  /** The y scale of each series (one per measure); absent: one shared scale. */
  readonly seriesScales?: readonly string[];
  readonly height?: number;
}

/**
 * A uPlot canvas chart. uPlot, not an SVG/DOM chart library: it draws tens of thousands of points
 * per frame on a canvas in a ~50 KB bundle, and `setData` swaps data in place, so a live update
 * every tick neither re-creates the chart nor flickers. The chart is built again only when the set
 * of series (or their scales), the theme or line/stacked changes, because legend, colours, axes and fills
 * depend on them.
 * The host exposes what uPlot draws, for browser tests: `data-plotted-buckets` (x length) and
 * `data-x-min` / `data-x-max` (the x scale, which spans the selected range).
 */
export function UPlotChart({ data, seriesNames, label, xWindow, stacked = false, bands = [], seriesScales, height = 220 }: Props) {
  const theme = useCurrentTheme();
  const hostRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const shownData = useRef<AlignedData | null>(null);
  const latestData = useRef(data);
  const windowRef = useRef(xWindow);
  const structure = seriesNames.join('\n');
  const scalesKey = (seriesScales ?? []).join('\n');
  const bandsKey = bands.map((band) => band.join('>')).join(',');

  useLayoutEffect(() => {
    latestData.current = data;
    windowRef.current = xWindow;
  });

  useLayoutEffect(() => {
    const host = hostRef.current as HTMLDivElement;
    const look = {
      theme,
      stacked,
      bands: bandsKey === '' ? [] : bandsKey.split(',').map((band) => band.split('>').map(Number) as [number, number]),
      xWindow: () => windowRef.current,
      seriesScales: scalesKey === '' ? undefined : scalesKey.split('\n'),
    };
    const options = chartOptions(structure.split('\n'), host.clientWidth, height, look);
    // uPlot commits a new scale asynchronously after setData: expose it when it does.
    options.hooks = { setScale: [(u, key) => key === 'x' && exposeDrawn(host, u)] };
    const plot = new uPlot(options, latestData.current, host);
    plotRef.current = plot;
    shownData.current = latestData.current;
    exposeDrawn(host, plot);
    let width = host.clientWidth;
    const resize = new ResizeObserver(() => {
      if (host.clientWidth !== width) {
        width = host.clientWidth;
        plot.setSize({ width, height });
      }
    });
    resize.observe(host);
    return () => {
      resize.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [structure, scalesKey, height, theme, stacked, bandsKey]);

  useEffect(() => {
    const plot = plotRef.current;
    if (plot && shownData.current !== data) {
      plot.setData(data); // rescales x through the range function, so the window slides along
      shownData.current = data;
      exposeDrawn(hostRef.current as HTMLDivElement, plot);
    }
  }, [data]);

  return <div ref={hostRef} className="chart" role="img" aria-label={label} data-testid="chart" />;
}

function exposeDrawn(host: HTMLDivElement, plot: uPlot): void {
  host.dataset.plottedBuckets = String(plot.data[0].length);
  host.dataset.xMin = String(plot.scales.x?.min ?? '');
  host.dataset.xMax = String(plot.scales.x?.max ?? '');
}
