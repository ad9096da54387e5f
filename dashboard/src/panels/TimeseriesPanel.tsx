import { memo, useMemo, useState } from 'react';
import type { PanelSpec, Series } from '../api/contract';
import { toAlignedData } from '../data/chartData';
import { formatValue } from '../data/format';
import { seriesName } from '../data/labels';
import { orderSeries, panelMeasures, seriesNaming } from '../data/measures';
import { canStack, stackAligned } from '../data/panelTransforms';
import { summarize } from '../data/summary';
import type { Window } from '../data/timeRange';
import { PanelFrame } from './PanelFrame';
import type { PanelState } from './panelsState';
import { UPlotChart } from './UPlotChart';

interface Props {
  readonly spec: PanelSpec;
  readonly state: PanelState | undefined;
  readonly xWindow: Window;
}

const NO_SERIES: readonly Series[] = [];

/**
 * A time-series panel: one line per (measure, group). A stackable panel (see canStack) starts as a
 * stacked area (its top is the total; a toggle switches back to lines); the others draw lines.
 */
export const TimeseriesPanel = memo(function TimeseriesPanel({ spec, state, xWindow }: Props) {
  const measureCount = panelMeasures(spec).length;
  const stackable = canStack(spec);
  const [stackChosen, setStacked] = useState(true);
  const stacked = stackable && stackChosen;
  const series = useMemo(() => orderSeries(state?.data?.series ?? NO_SERIES, spec), [state?.data?.series, spec]);
  const aligned = useMemo(() => toAlignedData(series), [series]);
  const shown = useMemo(() => (stacked ? stackAligned(aligned) : { data: aligned, bands: [] }), [aligned, stacked]);
  const naming = useMemo(() => seriesNaming(spec), [spec]);
  const names = useMemo(() => series.map((s) => seriesName(s, naming)), [series, naming]);
  // One y scale per measure: a series without measure (older server) belongs to the only one.
  const scales = useMemo(() => (measureCount > 1 ? series.map((s) => `measure:${s.measure ?? ''}`) : undefined), [series, measureCount]);
  const summary = useMemo(() => summarize(series), [series]);
  const label = `${spec.title}: ${stacked ? 'stacked area' : 'line'} chart, ${names.length} series (${names.slice(0, 8).join(', ')}), ${summary.points} points, latest value ${formatValue(summary.last)}`;

  const aside = stackable ? (
    <button
      type="button"
      className="button button--small"
      aria-pressed={stacked}
      onClick={() => setStacked((on) => !on)}
      data-testid="stack-toggle"
    >
      {stacked ? 'Stacked' : 'Lines'}
    </button>
  ) : names.length === 1 ? (
    <output className="panel__last" aria-label={`Latest value of ${spec.title}`}>
      {formatValue(summary.last)}
    </output>
  ) : null;

  return (
    <PanelFrame spec={spec} state={state} summary={summary} aside={aside}>
      <UPlotChart
        data={shown.data}
        bands={shown.bands}
        stacked={stacked}
        seriesNames={names}
        seriesScales={scales}
        label={label}
        xWindow={xWindow}
      />
    </PanelFrame>
  );
});
