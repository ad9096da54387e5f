import { useEffect, useMemo, useReducer, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import type { Dashboard } from '../api/contract';
import { ApiError, fetchDashboard } from '../api/rest';
import { formatRange } from '../data/format';
import { LiveIndicator } from '../live/LiveIndicator';
import { useLivePanels } from '../live/useLivePanels';
import { panelsReducer } from '../panels/panelsState';
import { TimeseriesPanel } from '../panels/TimeseriesPanel';
import { UnsupportedPanel } from '../panels/UnsupportedPanel';
import { useInitialPanelData } from '../panels/useInitialPanelData';
import { AppLink } from '../routing/navigation';

/** One dashboard: its panels in a responsive grid, loaded over REST and kept live over one WebSocket. */
export function DashboardPage({ name }: { readonly name: string }) {
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [panels, dispatch] = useReducer(panelsReducer, {});

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

  const rangeMs = dashboard?.defaultRangeMs ?? 0;
  const liveIds = useMemo(
    () => (dashboard?.panels ?? []).filter((p) => p.type === 'timeseries').map((p) => p.id),
    [dashboard],
  );
  const dashboardName = dashboard?.name ?? null;
  useInitialPanelData(dashboardName, liveIds, rangeMs, dispatch);
  const live = useLivePanels(dashboardName, liveIds, rangeMs, dispatch);

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
          <div className="page__controls">
            <span className="range" aria-label="Time range">
              {formatRange(rangeMs)}
            </span>
            {liveIds.length > 0 && <LiveIndicator status={live.status} lastUpdate={live.lastUpdate} />}
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
      {!dashboard && !loadError && <p className="page__message">Loading…</p>}
      {dashboard && dashboard.panels.length === 0 && <p className="page__message">This dashboard has no panels.</p>}
      {dashboard && (
        <div className="grid">
          {dashboard.panels.map((spec) =>
            spec.type === 'timeseries' ? (
              <TimeseriesPanel key={spec.id} spec={spec} state={panels[spec.id]} />
            ) : (
              <UnsupportedPanel key={spec.id} spec={spec} />
            ),
          )}
        </div>
      )}
    </div>
  );
}
