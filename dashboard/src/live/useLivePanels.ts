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

/** One live panel: its range (the panel's override or the page's) and the variable values that narrow it. */
export interface LiveSubscription {
  readonly panel: string;
  readonly rangeMs: number;
  readonly vars: Readonly<Record<string, string>>;
}

/**
 * Subscribes the given panels of a dashboard over one WebSocket and feeds snapshots and deltas to
 * `dispatch`, while `enabled`. Any change of a panel's range or variables closes the socket and subscribes
 * again on a new one, so no delta of the old range or old variable values can reach the new data.
 */
export function useLivePanels(
  dashboard: string | null,
  subscriptions: readonly LiveSubscription[],
  enabled: boolean,
  dispatch: Dispatch<PanelAction>,
): LiveState {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [lastUpdate, setLastUpdate] = useState<number | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  // A text key: a new array with the same subscriptions (every render) must not reconnect.
  const key = JSON.stringify(subscriptions.map((s) => [s.panel, s.rangeMs, Object.entries(s.vars).sort()]));

  useEffect(() => {
    const wanted: LiveSubscription[] = (JSON.parse(key) as Array<[string, number, Array<[string, string]>]>).map(
      ([panel, rangeMs, vars]) => ({ panel, rangeMs, vars: Object.fromEntries(vars) }),
    );
    if (dashboard === null || wanted.length === 0 || !enabled) return;
    const rangeOf = new Map(wanted.map((s) => [s.panel, s.rangeMs]));
    setLastUpdate(null);
    const connection = new LiveConnection(liveUrl(window.location), {
      onStatus: setStatus,
      onMessage: (message) => {
        if (message.type === 'error') {
          setServerError(message.panel ? `${message.panel}: ${message.message}` : message.message);
          return;
        }
        setLastUpdate(Date.now());
        if (message.type === 'snapshot') {
          setServerError(null);
          dispatch({ type: 'snapshot', panel: message.panel, data: message.data });
        } else {
          const rangeMs = rangeOf.get(message.panel);
          if (rangeMs === undefined) return; // a panel this page no longer shows
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
    for (const s of wanted) connection.subscribe(dashboard, s.panel, s.rangeMs, s.vars);
    return () => connection.stop();
  }, [dashboard, key, enabled, dispatch]);

  return { status: enabled ? status : 'off', lastUpdate: enabled ? lastUpdate : null, serverError: enabled ? serverError : null };
}
