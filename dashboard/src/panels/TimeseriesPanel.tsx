import { memo, useMemo, useState } from 'react';
import type { PanelSpec } from '../api/contract';
import { toAlignedData } from '../data/chartData';
import { formatValue } from '../data/format';
import { seriesName } from '../data/labels';
import { stackAligned } from '../data/panelTransforms';
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

/**
 * A time-series panel: lines, or a stacked area for a grouped panel (the default there, since the
 * stack's top is the total; a toggle switches back to lines).
 */
export const TimeseriesPanel = memo(function TimeseriesPanel({ spec, state, xWindow }: Props) {
  const grouped = (spec.groupBy?.length ?? 0) > 0;
  const [stacked, setStacked] = useState(grouped);
  const series = useMemo(() => state?.data?.series ?? [], [state?.data?.series]);
  const aligned = useMemo(() => toAlignedData(series), [series]);
  const shown = useMemo(() => (stacked ? stackAligned(aligned) : { data: aligned, bands: [] }), [aligned, stacked]);
  const names = useMemo(() => series.map((s) => seriesName(s.labels, spec.title)), [series, spec.title]);
  const summary = useMemo(() => summarize(series), [series]);
  const label = `${spec.title}: ${stacked ? 'stacked area' : 'line'} chart, ${names.length} series, ${summary.points} points, latest value ${formatValue(summary.last)}`;

  const aside = grouped ? (
    <button
      type="button"
      className="button button--small"
      aria-pressed={stacked}
      onClick={() => setStacked((on) => !on)}
      data-testid="stack-toggle"
    >
      {stacked ? 'Stacked' : 'Lines'}
    </button>
  ) : (
    <output className="panel__last" aria-label={`Latest value of ${spec.title}`}>
      {formatValue(summary.last)}
    </output>
  );

  return (
    <PanelFrame spec={spec} state={state} summary={summary} aside={aside}>
      <UPlotChart data={shown.data} bands={shown.bands} stacked={stacked} seriesNames={names} label={label} xWindow={xWindow} />
    </PanelFrame>
  );
});
