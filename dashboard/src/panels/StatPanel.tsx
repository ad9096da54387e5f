import { memo, useMemo } from 'react';
import type { PanelSpec, Series } from '../api/contract';
import { formatValue } from '../data/format';
import { measureLabel, panelMeasures, seriesOfMeasure } from '../data/measures';
import { combineSeries, isAdditive, statSummary } from '../data/panelTransforms';
import { summarize } from '../data/summary';
import { PanelFrame } from './PanelFrame';
import type { PanelState } from './panelsState';
import { Sparkline } from './Sparkline';

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const NO_SERIES: readonly Series[] = [];

/**
 * One number (the newest bucket of the first measure), a sparkline of the range, and the range's total
 * (or mean) against the period of the same length just before it, which the page loads over REST. A panel
 * with several measures shows the others' newest values underneath, each combined by its own rule.
 */
export const StatPanel = memo(function StatPanel({ spec, state }: { readonly spec: PanelSpec; readonly state: PanelState | undefined }) {
  const [primary, ...others] = panelMeasures(spec);
  const primaryName = primary?.name ?? spec.measure;
  const all = state?.data?.series ?? NO_SERIES;
  const series = useMemo(() => seriesOfMeasure(all, spec, primaryName), [all, spec, primaryName]);
  const previous = useMemo(() => (state?.previous ? seriesOfMeasure(state.previous, spec, primaryName) : null), [state?.previous, spec, primaryName]);
  const additive = isAdditive(primary?.aggregate ?? spec.aggregate);
  const stat = useMemo(() => statSummary(series, previous, additive), [series, previous, additive]);
  const points = useMemo(() => combineSeries(series, additive), [series, additive]);
  const secondary = useMemo(
    () =>
      others.map((measure) => {
        const combined = combineSeries(seriesOfMeasure(all, spec, measure.name), isAdditive(measure.aggregate));
        return { name: measureLabel(measure), latest: combined.length === 0 ? null : (combined[combined.length - 1] as [number, number])[1] };
      }),
    [all, spec, others],
  );
  const summary = useMemo(() => summarize(all), [all]);
  const direction = stat.change === null ? 'none' : stat.change > 0 ? 'up' : stat.change < 0 ? 'down' : 'flat';
  const primaryLabel = others.length > 0 && primary ? measureLabel(primary) : spec.title;
  return (
    <PanelFrame spec={spec} state={state} summary={summary}>
      <div className="stat">
        <output className="stat__value" aria-label={`Latest value of ${primaryLabel}`} data-testid="stat-value">
          {formatValue(stat.latest)}
        </output>
        {others.length > 0 && <span className="stat__unit">{primaryLabel}</span>}
        <p className="stat__period">
          {additive ? 'Total' : 'Mean'} in range: {formatValue(stat.period)}
          {' · '}
          <span className={`stat__change stat__change--${direction}`} data-testid="stat-change">
            {stat.change === null ? 'no previous period to compare' : `${percent.format(stat.change)} vs previous period`}
          </span>
          {stat.previousPeriod !== null && <span className="stat__previous"> ({formatValue(stat.previousPeriod)})</span>}
        </p>
        <Sparkline points={points} label={`${primaryLabel}: trend over the range`} />
        {secondary.length > 0 && (
          <dl className="stat__others" data-testid="stat-secondary">
            {secondary.map((s) => (
              <div key={s.name} className="stat__other">
                <dt>{s.name}</dt>
                <dd>{formatValue(s.latest)}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </PanelFrame>
  );
});
