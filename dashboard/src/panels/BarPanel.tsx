import { memo, useMemo } from 'react';
import type { PanelSpec } from '../api/contract';
import { formatValue } from '../data/format';
import { barGroups, type BarGroup } from '../data/panelTransforms';
import { summarize } from '../data/summary';
import type { Theme } from '../theme/theme';
import { useCurrentTheme } from '../theme/ThemeContext';
import { seriesColor } from './chartOptions';
import { PanelFrame } from './PanelFrame';
import type { PanelState } from './panelsState';

/** The server's default top-N; a panel without groupBy has a single bar anyway. */
const DEFAULT_LIMIT = 10;

/**
 * Top groups over the range as horizontal bars, with the rest as "other" (folded by the server when the
 * panel has a `limit`). Each measure gets its own list and scale. Plain HTML, not canvas: a handful of
 * bars, and a list is what a screen reader reads best.
 */
export const BarPanel = memo(function BarPanel({ spec, state }: { readonly spec: PanelSpec; readonly state: PanelState | undefined }) {
  const theme = useCurrentTheme();
  const series = useMemo(() => state?.data?.series ?? [], [state?.data?.series]);
  const groups = useMemo(() => barGroups(series, spec, spec.limit ?? DEFAULT_LIMIT), [series, spec]);
  const summary = useMemo(() => summarize(series), [series]);
  const several = groups.length > 1;
  return (
    <PanelFrame spec={spec} state={state} summary={summary}>
      {groups.map((group) => (
        <BarList key={group.measure} group={group} title={several ? group.measure : null} panelTitle={spec.title} theme={theme} />
      ))}
    </PanelFrame>
  );
});

function BarList({
  group,
  title,
  panelTitle,
  theme,
}: {
  readonly group: BarGroup;
  readonly title: string | null;
  readonly panelTitle: string;
  readonly theme: Theme;
}) {
  const max = Math.max(...group.bars.map((bar) => bar.value), 0);
  const what = group.additive ? 'totals over the range' : 'latest values';
  return (
    <>
      {title && <h3 className="bars__measure">{title}</h3>}
      <ol className="bars" aria-label={`${panelTitle}${title ? `, ${title}` : ''}: ${what}, largest first`}>
        {group.bars.map((bar, index) => (
          <li
            key={bar.name}
            className="bars__row"
            data-testid="bar"
            data-measure={group.measure}
            data-other={bar.other}
            data-value={bar.value}
          >
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
    </>
  );
}
