import type {
  ClientMessage,
  DeltaMessage,
  ErrorMessage,
  SnapshotMessage,
  SubscribeMessage,
} from '../api/contract';
import { reconnectDelayMs } from './backoff';
import { parseServerMessage } from './messages';

/** connecting: first attempt; live: socket open; reconnecting: dropped, waiting or retrying. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface LiveListener {
  onStatus(status: LiveStatus): void;
  onMessage(message: SnapshotMessage | DeltaMessage | ErrorMessage): void;
}

/** The part of the browser WebSocket this class uses; tests pass a fake. */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(text: string): void;
  close(code?: number, reason?: string): void;
}

export interface LiveOptions {
  createSocket?: (url: string) => SocketLike;
  /** The server sends a heartbeat every ~10 s; silence this long means a dead connection. */
  staleAfterMs?: number;
  random?: () => number;
}

const CLOSE_NORMAL = 1000;
const CLOSE_STALE = 4000;

/**
 * One WebSocket to /api/v1/live for a whole dashboard page. Remembers the panels it subscribed,
 * reconnects with backoff when the socket drops (or goes silent) and subscribes them again;
 * the server answers each subscription with a fresh snapshot, so nothing missed stays missing.
 */
export class LiveConnection {
  private readonly subscriptions = new Map<string, SubscribeMessage>();
  private readonly createSocket: (url: string) => SocketLike;
  private readonly staleAfterMs: number;
  private readonly random: () => number;
  private socket: SocketLike | null = null;
  private open = false;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private staleTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly listener: LiveListener,
    options: LiveOptions = {},
  ) {
    this.createSocket = options.createSocket ?? ((target) => new WebSocket(target) as unknown as SocketLike);
    this.staleAfterMs = options.staleAfterMs ?? 30_000;
    this.random = options.random ?? Math.random;
  }

  start(): void {
    this.connect('connecting');
  }

  /** `vars`: the variable values that narrow this panel (sent only when there are some). */
  subscribe(dashboard: string, panel: string, rangeMs: number, vars: Readonly<Record<string, string>> = {}): void {
    const message: SubscribeMessage =
      Object.keys(vars).length > 0 ? { type: 'subscribe', dashboard, panel, rangeMs, vars: { ...vars } } : { type: 'subscribe', dashboard, panel, rangeMs };
    this.subscriptions.set(panel, message);
    this.send(message);
  }

  unsubscribe(panel: string): void {
    if (this.subscriptions.delete(panel)) this.send({ type: 'unsubscribe', panel });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.staleTimer);
    const socket = this.socket;
    this.detach();
    socket?.close(CLOSE_NORMAL, 'page closed');
  }

  private connect(status: LiveStatus): void {
    if (this.stopped) return;
    this.listener.onStatus(status);
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.open = true;
      this.listener.onStatus('live');
      this.watchForSilence();
      for (const message of this.subscriptions.values()) this.send(message);
    };
    socket.onmessage = (event) => {
      // Only a connection that delivers resets the backoff: a server that accepts and drops at once
      // must not be hammered.
      this.attempt = 0;
      this.watchForSilence();
      const message = typeof event.data === 'string' ? parseServerMessage(event.data) : null;
      if (message && message.type !== 'heartbeat') this.listener.onMessage(message);
    };
    socket.onclose = () => this.dropped(socket);
    socket.onerror = () => this.dropped(socket);
  }

  private watchForSilence(): void {
    clearTimeout(this.staleTimer);
    const socket = this.socket;
    this.staleTimer = setTimeout(() => {
      if (socket === null) return;
      // A half-open TCP connection may never fire onclose: give up on it ourselves.
      socket.close(CLOSE_STALE, 'no message from server');
      this.dropped(socket);
    }, this.staleAfterMs);
  }

  private dropped(socket: SocketLike): void {
    if (socket !== this.socket) return; // an old socket we already gave up on
    this.detach();
    if (!this.stopped) this.scheduleReconnect();
  }

  private detach(): void {
    clearTimeout(this.staleTimer);
    if (this.socket) {
      this.socket.onopen = this.socket.onmessage = this.socket.onclose = this.socket.onerror = null;
    }
    this.socket = null;
    this.open = false;
  }

  private scheduleReconnect(): void {
    this.listener.onStatus('reconnecting');
    const delay = reconnectDelayMs(this.attempt++, this.random);
    this.reconnectTimer = setTimeout(() => this.connect('reconnecting'), delay);
  }

  private send(message: ClientMessage): void {
    // Before the socket opens, onopen sends every remembered subscription.
    if (this.open && this.socket) this.socket.send(JSON.stringify(message));
  }
}
