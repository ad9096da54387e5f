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
}

/** An item of `GET /api/v1/dashboards`. */
export interface DashboardSummary {
  readonly name: string;
  readonly title: string;
}

export interface PanelSpec {
  readonly id: string;
  readonly title: string;
  /** timeseries | bar | stat | table */
  readonly type: string;
  readonly stream: string;
  readonly measure: string;
  readonly aggregate?: string | null;
  readonly quantile?: number | null;
  readonly groupBy?: readonly string[] | null;
}

/** `GET /api/v1/dashboards/{name}` */
export interface Dashboard {
  readonly name: string;
  readonly title: string;
  readonly refreshMs: number;
  readonly defaultRangeMs: number;
  readonly panels: readonly PanelSpec[];
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
}

export type ServerMessage = SnapshotMessage | DeltaMessage | HeartbeatMessage | ErrorMessage;

export interface SubscribeMessage {
  readonly type: 'subscribe';
  readonly dashboard: string;
  readonly panel: string;
  readonly rangeMs: number;
}

export interface UnsubscribeMessage {
  readonly type: 'unsubscribe';
  readonly panel: string;
}

export type ClientMessage = SubscribeMessage | UnsubscribeMessage;
