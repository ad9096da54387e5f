import { useEffect, useMemo, useReducer, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import type { Dashboard, PanelSpec } from '../api/contract';
import { ApiError, fetchDashboard } from '../api/rest';
import { LiveSwitch } from '../controls/LiveSwitch';
import { TimeRangePicker } from '../controls/TimeRangePicker';
import { rangeLength, resolveWindow, type RangeSelection, type Window } from '../data/timeRange';
import { LiveIndicator } from '../live/LiveIndicator';
import { useLivePanels } from '../live/useLivePanels';
import { BarPanel } from '../panels/BarPanel';
import { panelsReducer, type PanelState } from '../panels/panelsState';
import { StatPanel } from '../panels/StatPanel';
import { TablePanel } from '../panels/TablePanel';
import { TimeseriesPanel } from '../panels/TimeseriesPanel';
import { usePanelData } from '../panels/usePanelData';
import { AppLink } from '../routing/navigation';

const NO_PANELS: readonly PanelSpec[] = [];

/**
 * One dashboard: controls (range, live), then its panels in a responsive grid. Each range change
 * loads every panel over REST; a preset range also stays live over one WebSocket (snapshot, then deltas).
 */
export function DashboardPage({ name }: { readonly name: string }) {
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [panels, dispatch] = useReducer(panelsReducer, {});
  const [chosenRange, setRange] = useState<RangeSelection | null>(null);
  const [liveOn, setLiveOn] = useState(true);

  useEffect(() => {
    document.title = `${name} · Pulseboard`;
    const abort = new AbortController();
    fetchDashboard(name, abort.signal).then(
      (loaded) => {
        setDashboard(loaded);
        document.title = `${loaded.title || loaded.name} · Pulseboard`;
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setLoadError(error instanceof ApiError && error.status === 404 ? `No dashboard named “${name}”.` : errorMessage(error));
      },
    );
    return () => abort.abort();
  }, [name]);

  // Until the user picks a range, the dashboard's default range (a sliding "last N").
  const defaultRange = useMemo<RangeSelection>(() => ({ kind: 'relative', ms: dashboard?.defaultRangeMs || 3_600_000 }), [dashboard]);
  const selection = chosenRange ?? defaultRange;
  const specs = dashboard?.panels ?? NO_PANELS;
  const panelIds = useMemo(() => specs.map((p) => p.id), [specs]);
  const liveEnabled = liveOn && selection.kind === 'relative';
  usePanelData(dashboard?.name ?? null, specs, selection, dispatch);
  const live = useLivePanels(dashboard?.name ?? null, panelIds, rangeLength(selection), liveEnabled, dispatch);
  useEffect(() => {
    // What each panel shows, for browser tests and debugging (compare with the REST API).
    (window as { __pulseboardPanels?: unknown }).__pulseboardPanels = panels;
  }, [panels]);

  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <AppLink href="/">Dashboards</AppLink>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{name}</span>
      </nav>
      <header className="page__header">
        <h1>{dashboard ? dashboard.title || dashboard.name : name}</h1>
        {dashboard && (
          <div className="page__controls" role="toolbar" aria-label="Dashboard controls">
            <TimeRangePicker selection={selection} onChange={setRange} />
            <LiveSwitch on={liveOn} disabled={selection.kind === 'absolute'} onChange={setLiveOn} />
            <LiveIndicator status={live.status} lastUpdate={live.lastUpdate} refreshMs={dashboard.refreshMs} />
          </div>
        )}
      </header>
      {loadError && (
        <p className="banner" role="alert">
          {loadError}
        </p>
      )}
      {live.serverError && (
        <p className="banner" role="alert">
          Live updates: {live.serverError}
        </p>
      )}
      {!dashboard && !loadError && (
        <p className="page__message" role="status">
          Loading…
        </p>
      )}
      {dashboard && dashboard.panels.length === 0 && <p className="page__message">This dashboard has no panels.</p>}
      {dashboard && (
        <div className="grid">
          {dashboard.panels.map((spec) => (
            <Panel key={spec.id} spec={spec} state={panels[spec.id]} selection={selection} />
          ))}
        </div>
      )}
    </div>
  );
}

function Panel({ spec, state, selection }: { readonly spec: PanelSpec; readonly state: PanelState | undefined; readonly selection: RangeSelection }) {
  // Recomputed with each data change: a live "last hour" window slides along with its deltas.
  const xWindow = useMemo<Window>(() => resolveWindow(selection, Date.now()), [selection, state?.data]);
  switch (spec.type) {
    case 'bar':
      return <BarPanel spec={spec} state={state} />;
    case 'stat':
      return <StatPanel spec={spec} state={state} />;
    case 'table':
      return <TablePanel spec={spec} state={state} />;
    default:
      // timeseries, and any type this page does not know yet: a line chart still shows the data
      return <TimeseriesPanel spec={spec} state={state} xWindow={xWindow} />;
  }
}
