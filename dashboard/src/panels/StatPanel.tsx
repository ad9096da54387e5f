import { memo, useMemo } from 'react';
import type { PanelSpec } from '../api/contract';
import { formatValue } from '../data/format';
import { combineSeries, isAdditive, statSummary } from '../data/panelTransforms';
import { summarize } from '../data/summary';
import { PanelFrame } from './PanelFrame';
import type { PanelState } from './panelsState';
import { Sparkline } from './Sparkline';

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/**
 * One number (the newest bucket), a sparkline of the range, and the range's total (or mean) against
 * the period of the same length just before it, which the page loads over REST.
 */
export const StatPanel = memo(function StatPanel({ spec, state }: { readonly spec: PanelSpec; readonly state: PanelState | undefined }) {
  const series = useMemo(() => state?.data?.series ?? [], [state?.data?.series]);
  const additive = isAdditive(spec.aggregate);
  const stat = useMemo(() => statSummary(series, state?.previous ?? null, additive), [series, state?.previous, additive]);
  const points = useMemo(() => combineSeries(series, additive), [series, additive]);
  const summary = useMemo(() => summarize(series), [series]);
  const direction = stat.change === null ? 'none' : stat.change > 0 ? 'up' : stat.change < 0 ? 'down' : 'flat';
  return (
    <PanelFrame spec={spec} state={state} summary={summary}>
      <div className="stat">
        <output className="stat__value" aria-label={`Latest value of ${spec.title}`} data-testid="stat-value">
          {formatValue(stat.latest)}
        </output>
        <p className="stat__period">
          {additive ? 'Total' : 'Mean'} in range: {formatValue(stat.period)}
          {' · '}
          <span className={`stat__change stat__change--${direction}`} data-testid="stat-change">
            {stat.change === null ? 'no previous period to compare' : `${percent.format(stat.change)} vs previous period`}
          </span>
          {stat.previousPeriod !== null && <span className="stat__previous"> ({formatValue(stat.previousPeriod)})</span>}
        </p>
        <Sparkline points={points} label={`${spec.title}: trend over the range`} />
      </div>
    </PanelFrame>
  );
});
