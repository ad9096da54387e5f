import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import type { Dashboard, PanelSpec, VariableSpec } from '../api/contract';
import { ApiError, fetchDashboard } from '../api/rest';
import { LiveSwitch } from '../controls/LiveSwitch';
import { TimeRangePicker } from '../controls/TimeRangePicker';
import { panelSelection, resolveWindow, type RangeSelection, type Window } from '../data/timeRange';
import { searchWithSelection, selectionFromSearch, selectVariable, type VariableSelection } from '../data/variables';
import { LiveIndicator } from '../live/LiveIndicator';
import { useLivePanels } from '../live/useLivePanels';
import { BarPanel } from '../panels/BarPanel';
import { panelRequests } from '../panels/panelRequests';
import { panelsReducer, type PanelState } from '../panels/panelsState';
import { StatPanel } from '../panels/StatPanel';
import { TablePanel } from '../panels/TablePanel';
import { TimeseriesPanel } from '../panels/TimeseriesPanel';
import { usePanelData } from '../panels/usePanelData';
import { AppLink } from '../routing/navigation';
import { FreshnessBadge } from '../status/FreshnessBadge';
import { useDashboardStatus } from '../status/useDashboardStatus';
import { useVariableValues } from '../variables/useVariableValues';
import { VariableSelectors } from '../variables/VariableSelectors';

const NO_PANELS: readonly PanelSpec[] = [];
const NO_VARIABLES: readonly VariableSpec[] = [];

/**
 * One dashboard: controls (range, live, freshness), variable selectors, then its panels in a responsive
 * grid. A range change reloads every panel that follows the page's range over REST, a variable change
 * every panel it applies to; a preset range also stays live over one WebSocket (snapshot, then deltas).
 * The variable selection lives in the URL (`?var.country=de`): a link shows the same view, Back undoes a pick.
 */
export function DashboardPage({ name }: { readonly name: string }) {
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [panels, dispatch] = useReducer(panelsReducer, {});
  // Each pick counts, even of the same preset again: it reloads (a "refresh").
  const [range, setRangeState] = useState<{ readonly chosen: RangeSelection | null; readonly epoch: number }>({ chosen: null, epoch: 0 });
  const setRange = useCallback((chosen: RangeSelection) => setRangeState((r) => ({ chosen, epoch: r.epoch + 1 })), []);
  const [liveOn, setLiveOn] = useState(true);
  // null: read the URL (first view, or after Back/Forward).
  const [chosenVars, setChosenVars] = useState<VariableSelection | null>(null);

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
  const selection = range.chosen ?? defaultRange;
  const specs = dashboard?.panels ?? NO_PANELS;
  const variables = dashboard?.variables ?? NO_VARIABLES;
  const vars = useMemo(() => chosenVars ?? selectionFromSearch(window.location.search, variables), [chosenVars, variables]);
  useEffect(() => {
    const reread = () => setChosenVars(null);
    window.addEventListener('popstate', reread);
    return () => window.removeEventListener('popstate', reread);
  }, []);
  const selectVar = useCallback(
    (variable: string, value: string | null) => {
      const next = selectVariable(vars, variable, value);
      setChosenVars(next);
      const { pathname, search, hash } = window.location;
      window.history.pushState(null, '', `${pathname}${searchWithSelection(search, next)}${hash}`);
    },
    [vars],
  );

  const requests = useMemo(() => panelRequests(specs, selection, range.epoch, vars), [specs, selection, range.epoch, vars]);
  const liveEnabled = liveOn && selection.kind === 'relative';
  const loadedName = dashboard?.name ?? null;
  usePanelData(loadedName, requests, dispatch);
  const live = useLivePanels(loadedName, requests, liveEnabled, dispatch);
  const freshness = useDashboardStatus(loadedName);
  const valuesRange = useMemo(() => (dashboard ? resolveWindow(selection, Date.now()) : null), [dashboard, selection]);
  const variableValues = useVariableValues(loadedName, variables, valuesRange);
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
            <FreshnessBadge status={freshness.status} error={freshness.error} />
          </div>
        )}
      </header>
      <VariableSelectors variables={variables} values={variableValues} selection={vars} onSelect={selectVar} />
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
  // Recomputed with each data change: a live "last hour" window slides along with its deltas. A panel with
  // a range override spans its own range.
  const xWindow = useMemo<Window>(() => resolveWindow(panelSelection(spec.rangeMs, selection), Date.now()), [spec.rangeMs, selection, state?.data]);
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
