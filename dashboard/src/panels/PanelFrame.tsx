import { useId, type ReactNode } from 'react';
import type { PanelProblem, PanelSpec } from '../api/contract';
import type { DataSummary } from '../data/summary';
import { describePanel } from './describePanel';
import type { PanelState } from './panelsState';

export type PanelView = 'invalid' | 'loading' | 'error' | 'empty' | 'ready';

interface Props {
  readonly spec: PanelSpec;
  readonly state: PanelState | undefined;
  readonly summary: DataSummary;
  /** Right side of the header: a headline number or the panel's own controls. */
  readonly aside?: ReactNode;
  /** The chart, drawn only when there is data. */
  readonly children: ReactNode;
}

/**
 * What a panel shows instead of its chart: its problem (the operator found it invalid; it is never
 * requested), or while loading, on error or without data.
 */
export function panelView(state: PanelState | undefined, summary: DataSummary, problem?: PanelProblem | null): PanelView {
  if (problem) return 'invalid';
  if (state?.error && !state.data) return 'error';
  if (!state?.data) return 'loading';
  return summary.points === 0 ? 'empty' : 'ready';
}

/**
 * The frame every panel type shares: title, subtitle, the loading / error / empty states, and the
 * data-* attributes browser tests read (data-state, data-points, data-last) without reading pixels.
 */
export function PanelFrame({ spec, state, summary, aside, children }: Props) {
  const titleId = useId();
  const view = panelView(state, summary, spec.problem);
  const granularity = state?.data?.granularity;
  return (
    <section
      className={`panel panel--${spec.type}`}
      aria-labelledby={titleId}
      aria-busy={view === 'loading'}
      data-testid={`panel-${spec.id}`}
      data-type={spec.type}
      data-state={view}
      data-points={summary.points}
      data-last={summary.last ?? ''}
      data-sum={summary.sum}
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
        <div className="panel__aside">
          {spec.range && (
            <span
              className="badge"
              data-testid="range-override"
              title={`This panel always shows the last ${spec.range}, whatever range the page shows`}
            >
              last {spec.range}
            </span>
          )}
          {view === 'ready' && aside}
        </div>
      </header>
      {view === 'invalid' && (
        <div className="panel__problem" role="alert" data-testid="problem-card">
          <p className="panel__problem-title">This panel is not valid{spec.problem?.reason ? ` (${spec.problem.reason})` : ''}</p>
          <p>{spec.problem?.message}</p>
          <p className="panel__problem-hint">Fix the panel in the Dashboard resource; the operator's PanelsValid condition says the same.</p>
        </div>
      )}
      {view === 'error' && (
        <p className="panel__message panel__message--error" role="alert">
          Could not load this panel: {state?.error}
        </p>
      )}
      {view === 'loading' && (
        <p className="panel__message" role="status">
          <span className="spinner" aria-hidden="true" /> Loading…
        </p>
      )}
      {view === 'empty' && <p className="panel__message">No data in this range.</p>}
      {view === 'ready' && children}
    </section>
  );
}
