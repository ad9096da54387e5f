import { useEffect, useState, type Dispatch } from 'react';
import type { PanelAction } from '../panels/panelsState';
import { LiveConnection, type LiveStatus } from './LiveConnection';
import { liveUrl } from './liveUrl';

export interface LiveState {
  /** 'off' while the live switch is off or the range is absolute. */
  readonly status: LiveStatus | 'off';
  readonly lastUpdate: number | null;
  /** The server's last `error` message, until the next snapshot. */
  readonly serverError: string | null;
}

/**
 * Subscribes the given panels of a dashboard over one WebSocket and feeds snapshots and deltas to
 * `dispatch`, while `enabled`. A new rangeMs closes the socket and subscribes again on a new one, so no
 * delta of the old range can reach the new one.
 */
export function useLivePanels(
  dashboard: string | null,
  panelIds: readonly string[],
  rangeMs: number,
  enabled: boolean,
  dispatch: Dispatch<PanelAction>,
): LiveState {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [lastUpdate, setLastUpdate] = useState<number | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const panelsKey = panelIds.join('\n');

  useEffect(() => {
    if (dashboard === null || panelsKey === '' || !enabled) return;
    setLastUpdate(null);
    const connection = new LiveConnection(liveUrl(window.location), {
      onStatus: setStatus,
      onMessage: (message) => {
        if (message.type === 'error') {
          setServerError(message.message);
          return;
        }
        setLastUpdate(Date.now());
        if (message.type === 'snapshot') {
          setServerError(null);
          dispatch({ type: 'snapshot', panel: message.panel, data: message.data });
        } else {
          dispatch({
            type: 'delta',
            panel: message.panel,
            granularity: message.granularity,
            series: message.series,
            rangeStartMs: Date.now() - rangeMs,
          });
        }
      },
    });
    connection.start();
    for (const panel of panelsKey.split('\n')) connection.subscribe(dashboard, panel, rangeMs);
    return () => connection.stop();
  }, [dashboard, panelsKey, rangeMs, enabled, dispatch]);

  return { status: enabled ? status : 'off', lastUpdate: enabled ? lastUpdate : null, serverError: enabled ? serverError : null };
}
