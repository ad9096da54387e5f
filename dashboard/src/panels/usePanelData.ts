import { useEffect, useRef, type Dispatch } from 'react';
import { errorMessage } from '../api/errorMessage';
import { fetchPanelData } from '../api/rest';
import { previousWindow, resolveWindow } from '../data/timeRange';
import type { PanelRequest } from './panelRequests';
import type { PanelAction } from './panelsState';

interface InFlight {
  readonly key: string;
  readonly abort: AbortController;
}

/**
 * Loads each panel over REST for its range and variable values, and again whenever its request `key`
 * changes (see panelRequests): a new page range reloads the panels that follow the page, a variable
 * reloads the panels it applies to, and the others keep what they show. Stat panels also load the period
 * before their range, which they compare against. A reload first resets the panel, so it shows "loading"
 * rather than the old request's numbers.
 */
export function usePanelData(dashboard: string | null, requests: readonly PanelRequest[], dispatch: Dispatch<PanelAction>): void {
  const inFlight = useRef(new Map<string, InFlight>());

  useEffect(() => {
    if (dashboard === null) return;
    const loaded = inFlight.current;
    const wanted = new Set(requests.map((r) => r.panel));
    for (const [panel, entry] of loaded) {
      if (!wanted.has(panel)) {
        entry.abort.abort();
        loaded.delete(panel);
      }
    }
    for (const request of requests) {
      if (loaded.get(request.panel)?.key === request.key) continue;
      loaded.get(request.panel)?.abort.abort();
      const abort = new AbortController();
      loaded.set(request.panel, { key: request.key, abort });
      load(dashboard, request, abort.signal, dispatch);
    }
  }, [dashboard, requests, dispatch]);

  useEffect(() => {
    const loaded = inFlight.current;
    return () => {
      for (const entry of loaded.values()) entry.abort.abort();
      loaded.clear();
    };
  }, [dashboard]);
}

function load(dashboard: string, request: PanelRequest, signal: AbortSignal, dispatch: Dispatch<PanelAction>): void {
  const { panel } = request;
  dispatch({ type: 'resetPanel', panel });
  const window = resolveWindow(request.selection, Date.now());
  fetchPanelData(dashboard, panel, window, request.vars, signal).then(
    (data) => {
      if (!signal.aborted) dispatch({ type: 'loaded', panel, data });
    },
    (error: unknown) => {
      if (!signal.aborted) dispatch({ type: 'failed', panel, message: errorMessage(error) });
    },
  );
  if (request.type === 'stat') {
    fetchPanelData(dashboard, panel, previousWindow(window), request.vars, signal).then(
      (data) => {
        if (!signal.aborted) dispatch({ type: 'previousLoaded', panel, series: data.series });
      },
      () => {
        // Without the previous period the stat shows no change; its own error is reported by the main request.
      },
    );
  }
}
