import { useEffect, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import type { DashboardSummary } from '../api/contract';
import { fetchDashboards } from '../api/rest';
import { AppLink } from '../routing/navigation';
import { dashboardHref } from '../routing/routes';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; dashboards: DashboardSummary[] };

export function DashboardListPage() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    document.title = 'Dashboards · Pulseboard';
    const abort = new AbortController();
    fetchDashboards(abort.signal).then(
      (dashboards) => setLoad({ state: 'ready', dashboards }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoad({ state: 'failed', message: errorMessage(error) });
      },
    );
    return () => abort.abort();
  }, []);

  return (
    <div className="page">
      <header className="page__header">
        <h1>Dashboards</h1>
      </header>
      {load.state === 'loading' && <p className="page__message">Loading…</p>}
      {load.state === 'failed' && (
        <p className="banner" role="alert">
          Could not load the dashboards: {load.message}
        </p>
      )}
      {load.state === 'ready' && load.dashboards.length === 0 && (
        <p className="page__message">No dashboards yet: apply a Dashboard resource and it shows up here.</p>
      )}
      {load.state === 'ready' && load.dashboards.length > 0 && (
        <ul className="dashboard-list" data-testid="dashboard-list" aria-label="Dashboards">
          {load.dashboards.map((d) => (
            <li key={d.name}>
              <AppLink className="dashboard-list__link" href={dashboardHref(d.name)} data-testid="dashboard-link">
                <span className="dashboard-list__title">{d.title || d.name}</span>
                <span className="dashboard-list__name">{d.name}</span>
              </AppLink>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
