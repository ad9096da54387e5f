import { memo, useMemo } from 'react';
import type { PanelSpec } from '../api/contract';
import { formatValue } from '../data/format';
import { isAdditive, topNBars } from '../data/panelTransforms';
import { summarize } from '../data/summary';
import { useCurrentTheme } from '../theme/ThemeContext';
import { seriesColor } from './chartOptions';
import { PanelFrame } from './PanelFrame';
import type { PanelState } from './panelsState';

const TOP_N = 5;

/**
 * Top series over the range as horizontal bars, with the rest as "other". Plain HTML, not canvas: a
 * handful of bars, and a list is what a screen reader reads best.
 */
export const BarPanel = memo(function BarPanel({ spec, state }: { readonly spec: PanelSpec; readonly state: PanelState | undefined }) {
  const theme = useCurrentTheme();
  const series = useMemo(() => state?.data?.series ?? [], [state?.data?.series]);
  const additive = isAdditive(spec.aggregate);
  const bars = useMemo(() => topNBars(series, TOP_N, additive, spec.title), [series, additive, spec.title]);
  const summary = useMemo(() => summarize(series), [series]);
  const max = Math.max(...bars.map((bar) => bar.value), 0);
  return (
    <PanelFrame spec={spec} state={state} summary={summary}>
      <ol className="bars" aria-label={`${spec.title}: ${additive ? 'totals over the range' : 'latest values'}, largest first`}>
        {bars.map((bar, index) => (
          <li key={bar.name} className="bars__row" data-testid="bar" data-value={bar.value}>
            <span className="bars__name">{bar.name}</span>
            <span className="bars__track" aria-hidden="true">
              <span
                className="bars__fill"
                style={{
                  width: `${max > 0 ? Math.max(1, (bar.value / max) * 100) : 0}%`,
                  background: bar.other ? 'var(--text-muted)' : seriesColor(index, theme),
                }}
              />
            </span>
            <span className="bars__value">{formatValue(bar.value)}</span>
          </li>
        ))}
      </ol>
    </PanelFrame>
  );
});
