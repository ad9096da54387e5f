import type { PanelData, Series } from '../api/contract';
import { mergeDelta } from '../data/mergeDelta';

export interface PanelState {
  readonly data: PanelData | null;
  /** True once a live snapshot arrived: from then on the socket, not REST, owns the data. */
  readonly live: boolean;
  readonly error: string | null;
  /** Stat panels: the series of the period before the range (REST), null until loaded. */
  readonly previous: readonly Series[] | null;
}

export type PanelsState = Readonly<Record<string, PanelState>>;

export type PanelAction =
  | { readonly type: 'resetPanel'; readonly panel: string }
  | { readonly type: 'previousLoaded'; readonly panel: string; readonly series: readonly Series[] }
  | { readonly type: 'loaded'; readonly panel: string; readonly data: PanelData }
  | { readonly type: 'failed'; readonly panel: string; readonly message: string }
  | { readonly type: 'snapshot'; readonly panel: string; readonly data: PanelData }
  | {
      readonly type: 'delta';
      readonly panel: string;
      readonly granularity: string;
      readonly series: readonly Series[];
      readonly rangeStartMs: number;
    };

const EMPTY: PanelState = { data: null, live: false, error: null, previous: null };

/**
 * Data of every panel of a dashboard page. The REST answer and the live snapshot race; whichever
 * is newer must win, and the snapshot (followed by deltas) is always at least as new, so a REST
 * answer arriving after it is ignored. Panels that an action does not touch keep their identity,
 * so only the changed panel re-renders. A new range or variable value starts the panels it concerns over
 * ('resetPanel'), so they show "loading" rather than numbers of the old request.
 */
export function panelsReducer(state: PanelsState, action: PanelAction): PanelsState {
  const current = state[action.panel] ?? EMPTY;
  switch (action.type) {
    case 'resetPanel': {
      if (!(action.panel in state)) return state;
      const { [action.panel]: _dropped, ...rest } = state;
      return rest;
    }
    case 'previousLoaded':
      return { ...state, [action.panel]: { ...current, previous: action.series } };
    case 'loaded':
      return current.live ? state : { ...state, [action.panel]: { ...current, data: action.data, error: null } };
    case 'failed':
      // A live panel keeps its data; the failed REST call is old news.
      return current.live ? state : { ...state, [action.panel]: { ...current, error: action.message } };
    case 'snapshot':
      return { ...state, [action.panel]: { ...current, data: action.data, live: true, error: null } };
    case 'delta': {
      const base = current.data;
      const series = mergeDelta(base?.series ?? [], action.series, action.rangeStartMs);
      const data: PanelData = {
        panel: action.panel,
        granularity: action.granularity,
        from: Math.max(base?.from ?? action.rangeStartMs, action.rangeStartMs),
        to: Math.max(base?.to ?? 0, ...action.series.flatMap((s) => s.points.map(([t]) => t))),
        series,
      };
      return { ...state, [action.panel]: { ...current, data, error: null } };
    }
  }
}
