import { useEffect, useLayoutEffect, useRef } from 'react';
import uPlot, { type AlignedData } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartOptions } from './chartOptions';

interface Props {
  readonly data: AlignedData;
  readonly seriesNames: readonly string[];
  /** Text alternative for the canvas. */
  readonly label: string;
  readonly height?: number;
}

/**
 * A uPlot canvas chart. uPlot, not an SVG/DOM chart library: it draws tens of thousands of points
 * per frame on a canvas in a ~50 KB bundle, and `setData` swaps data in place, so a live update
 * every tick neither re-creates the chart nor flickers. The chart is built again only when the set
 * of series changes (a new label value shows up), because the legend and colours depend on it.
 */
export function UPlotChart({ data, seriesNames, label, height = 220 }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const shownData = useRef<AlignedData | null>(null);
  const latestData = useRef(data);
  const structure = seriesNames.join('\n');

  useLayoutEffect(() => {
    latestData.current = data;
  });

  useLayoutEffect(() => {
    const host = hostRef.current as HTMLDivElement;
    const plot = new uPlot(chartOptions(structure.split('\n'), host.clientWidth, height), latestData.current, host);
    plotRef.current = plot;
    shownData.current = latestData.current;
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
  }, [structure, height]);

  useEffect(() => {
    const plot = plotRef.current;
    if (plot && shownData.current !== data) {
      plot.setData(data);
      shownData.current = data;
    }
  }, [data]);

  return <div ref={hostRef} className="chart" role="img" aria-label={label} />;
}
