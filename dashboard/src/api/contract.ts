/**
 * The query service's REST and WebSocket protocol, as the team contract defines it.
 * Only types: the shapes the server sends and the messages the page sends back.
 */

/** One bucket: [bucket start, epoch ms; value]. */
export type Point = readonly [number, number];

export interface Series {
  readonly labels: Readonly<Record<string, string>>;
  /** Sorted by time. */
  readonly points: readonly Point[];
  /** The measure this series shows (a panel may have several); absent from servers before issue 6. */
  readonly measure?: string;
  /**
   * True for the series that folds every group beyond the panel's `limit` (labels {<dim>: "__other__"});
   * only for additive measures (count, sum).
   */
  readonly other?: boolean;
}

/** The label value the server gives the "other" series' dimensions. */
export const OTHER_LABEL = '__other__';

/** An item of `GET /api/v1/dashboards`. */
export interface DashboardSummary {
  readonly name: string;
  readonly title: string;
}

/** One measure of a panel. */
export interface MeasureSpec {
  readonly name: string;
  /** count | sum | min | max | avg | uniq | quantiles; null for a panel the server cannot query (see `problem`). */
  readonly aggregate: string | null;
  readonly unit?: string | null;
}

/** Why the operator found a panel invalid; such a panel is answered with 409 and must not be requested. */
export interface PanelProblem {
  readonly reason: string;
  readonly message: string;
}

export interface PanelSpec {
  readonly id: string;
  readonly title: string;
  /** timeseries | bar | stat | table */
  readonly type: string;
  readonly stream: string;
  /** The first measure (kept for older clients); `measures` lists all of them. */
  readonly measure: string;
  readonly aggregate?: string | null;
  readonly quantile?: number | null;
  readonly groupBy?: readonly string[] | null;
  readonly measures?: readonly MeasureSpec[] | null;
  /** Per-panel range override ("7d"): the panel always shows the last `rangeMs`, whatever the page's range. */
  readonly range?: string | null;
  readonly rangeMs?: number | null;
  /** Top-N groups the server returns per measure (plus one "other" series). */
  readonly limit?: number | null;
  /** Names of the dashboard variables that filter this panel. */
  readonly variables?: readonly string[] | null;
  readonly problem?: PanelProblem | null;
}

/** A dashboard variable: a selector over the values of one dimension. */
export interface VariableSpec {
  readonly name: string;
  readonly dimension: string;
  /** Shown text; the server defaults it to the name. */
  readonly label?: string | null;
}

/** `GET /api/v1/dashboards/{name}` */
export interface Dashboard {
  readonly name: string;
  readonly title: string;
  readonly refreshMs: number;
  readonly defaultRangeMs: number;
  readonly panels: readonly PanelSpec[];
  readonly variables?: readonly VariableSpec[] | null;
}

/** `GET /api/v1/dashboards/{name}/variables/{var}/values?from&to`: most frequent first, at most 200. */
export interface VariableValues {
  readonly variable: string;
  readonly values: readonly string[];
}

/** fresh: age <= maxLag; lagging: <= 5x; stale: beyond; empty: no row yet; unknown: ClickHouse failed. */
export type FreshnessState = 'fresh' | 'lagging' | 'stale' | 'empty' | 'unknown';

export interface StreamFreshness {
  readonly stream: string;
  /** When the newest row was ingested (epoch ms); null without rows or when unknown. */
  readonly newestIngestedAt: number | null;
  readonly ageMs: number | null;
  readonly state: FreshnessState;
  /** The stream's threshold for "fresh". */
  readonly maxLagMs: number;
}

/** `GET /api/v1/dashboards/{name}/status`: one entry per stream the dashboard reads. */
export interface DashboardStatus {
  readonly streams: readonly StreamFreshness[];
}

/** `GET /api/v1/dashboards/{name}/panels/{id}`, also the `data` of a live snapshot. */
export interface PanelData {
  readonly panel: string;
  readonly granularity: string;
  readonly from: number;
  readonly to: number;
  readonly series: readonly Series[];
}

export interface SnapshotMessage {
  readonly type: 'snapshot';
  readonly panel: string;
  readonly data: PanelData;
}

/** Only the buckets that changed since the last message (at least the open bucket). */
export interface DeltaMessage {
  readonly type: 'delta';
  readonly panel: string;
  readonly granularity: string;
  readonly series: readonly Series[];
}

export interface HeartbeatMessage {
  readonly type: 'heartbeat';
  readonly ts: number;
}

export interface ErrorMessage {
  readonly type: 'error';
  readonly message: string;
  readonly panel?: string;
}

export type ServerMessage = SnapshotMessage | DeltaMessage | HeartbeatMessage | ErrorMessage;

export interface SubscribeMessage {
  readonly type: 'subscribe';
  readonly dashboard: string;
  readonly panel: string;
  readonly rangeMs: number;
  /** Variable values narrowing this panel (only variables that apply to it); omitted when none. */
  readonly vars?: Readonly<Record<string, string>>;
}

export interface UnsubscribeMessage {
  readonly type: 'unsubscribe';
  readonly panel: string;
}

export type ClientMessage = SubscribeMessage | UnsubscribeMessage;
