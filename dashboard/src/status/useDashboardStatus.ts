import { useEffect, useState } from 'react';
import type { DashboardStatus } from '../api/contract';
import { errorMessage } from '../api/errorMessage';
import { fetchDashboardStatus } from '../api/rest';

const POLL_MS = 5_000;

export interface StatusState {
  readonly status: DashboardStatus | null;
  /** The last request's failure; cleared by the next answer. */
  readonly error: string | null;
}

/** Polls the dashboard's stream freshness every 5 s (one request at a time: a slow answer delays the next poll). */
export function useDashboardStatus(dashboard: string | null): StatusState {
  const [state, setState] = useState<StatusState>({ status: null, error: null });

  useEffect(() => {
    if (dashboard === null) return;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      fetchDashboardStatus(dashboard, abort.signal).then(
        (status) => setState({ status, error: null }),
        (error: unknown) => {
          if (!abort.signal.aborted) setState({ status: null, error: errorMessage(error) });
        },
      ).finally(() => {
        if (!abort.signal.aborted) timer = setTimeout(poll, POLL_MS);
      });
    };
    poll();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [dashboard]);

  return state;
}
