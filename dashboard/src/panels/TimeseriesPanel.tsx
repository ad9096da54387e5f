import { memo, useId, useMemo } from 'react';
import type { PanelSpec } from '../api/contract';
import { toAlignedData } from '../data/chartData';
import { formatValue } from '../data/format';
import { seriesName } from '../data/labels';
import { summarize } from '../data/summary';
import { describePanel } from './describePanel';
import type { PanelState } from './panelsState';
import { UPlotChart } from './UPlotChart';

interface Props {
  readonly spec: PanelSpec;
  readonly state: PanelState | undefined;
}

/**
 * A time-series panel. Its container exposes the data it shows (data-points, data-last) so that a
 * browser test can watch live updates arrive without reading pixels.
 */
export const TimeseriesPanel = memo(function TimeseriesPanel({ spec, state }: Props) {
  const titleId = useId();
  const series = useMemo(() => state?.data?.series ?? [], [state?.data?.series]);
  const aligned = useMemo(() => toAlignedData(series), [series]);
  const names = useMemo(() => series.map((s) => seriesName(s.labels, spec.title)), [series, spec.title]);
  const summary = useMemo(() => summarize(series), [series]);
  const granularity = state?.data?.granularity;

  let body;
  if (state?.error && !state.data) {
    body = (
      <p className="panel__message panel__message--error" role="alert">
        Could not load this panel: {state.error}
      </p>
    );
  } else if (!state?.data) {
    body = <p className="panel__message">Loading…</p>;
  } else if (summary.points === 0) {
    body = <p className="panel__message">No data in this time range yet.</p>;
  } else {
    const label = `${spec.title}: time-series chart, ${names.length} series, ${summary.points} points, latest value ${formatValue(summary.last)}`;
    body = <UPlotChart data={aligned} seriesNames={names} label={label} />;
  }

  return (
    <section
      className="panel"
      aria-labelledby={titleId}
      data-testid={`panel-${spec.id}`}
      data-points={summary.points}
      data-last={summary.last ?? ''}
    >
      <header className="panel__header">
        <div>
          <h2 id={titleId} className="panel__title">
            {spec.title}
          </h2>
          <p className="panel__meta">
            {describePanel(spec)}
            {granularity ? ` · ${granularity} buckets` : ''}
          </p>
        </div>
        {/* One headline number only makes sense for one series. */}
        {series.length === 1 && (
          <output className="panel__last" aria-label={`Latest value of ${spec.title}`}>
            {formatValue(summary.last)}
          </output>
        )}
      </header>
      {body}
    </section>
  );
});
