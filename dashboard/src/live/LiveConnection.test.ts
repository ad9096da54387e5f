import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeltaMessage, ErrorMessage, SnapshotMessage } from '../api/contract';
import { LiveConnection, type LiveStatus, type SocketLike } from './LiveConnection';

/** A socket the test drives by hand: open it, push frames, drop it. */
class TestingSocket implements SocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: unknown[] = [];
  closedWith: number | undefined;

  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }
  close(code?: number): void {
    this.closedWith = code;
  }
  serverOpens(): void {
    this.onopen?.({});
  }
  serverSends(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  serverDrops(): void {
    this.onclose?.({});
  }
}

function connect() {
  const sockets: TestingSocket[] = [];
  const statuses: LiveStatus[] = [];
  const messages: (SnapshotMessage | DeltaMessage | ErrorMessage)[] = [];
  const connection = new LiveConnection(
    'ws://127.0.0.1/api/v1/live',
    { onStatus: (s) => statuses.push(s), onMessage: (m) => messages.push(m) },
    {
      createSocket: () => {
        const socket = new TestingSocket();
        sockets.push(socket);
        return socket;
      },
      staleAfterMs: 30_000,
      random: () => 0.5, // no jitter: delays are exactly 0.5 s, 1 s, 2 s ...
    },
  );
  return { connection, sockets, statuses, messages };
}

const subscribe = (panel: string) => ({ type: 'subscribe', dashboard: 'shop', panel, rangeMs: 3_600_000 });

describe('LiveConnection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('subscribes every panel once the socket opens and passes snapshots and deltas on', () => {
    const { connection, sockets, statuses, messages } = connect();
    connection.start();
    connection.subscribe('shop', 'revenue', 3_600_000);
    connection.subscribe('shop', 'p99', 3_600_000);
    const socket = sockets[0] as TestingSocket;

    socket.serverOpens();
    socket.serverSends({ type: 'snapshot', panel: 'revenue', data: { panel: 'revenue', series: [] } });
    socket.serverSends({ type: 'heartbeat', ts: 1 });
    socket.serverSends({ type: 'delta', panel: 'revenue', granularity: '1m', series: [] });

    expect(socket.sent).toEqual([subscribe('revenue'), subscribe('p99')]);
    expect(statuses).toEqual(['connecting', 'live']);
    expect(messages.map((m) => m.type)).toEqual(['snapshot', 'delta']);
  });

  it('reconnects with growing delays after drops and subscribes again', () => {
    const { connection, sockets, statuses } = connect();
    connection.start();
    connection.subscribe('shop', 'revenue', 3_600_000);
    (sockets[0] as TestingSocket).serverOpens();

    (sockets[0] as TestingSocket).serverDrops();
    expect(statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);

    (sockets[1] as TestingSocket).serverDrops(); // refused again: the next wait doubles
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    const third = sockets[2] as TestingSocket;

    third.serverOpens();
    expect(third.sent).toEqual([subscribe('revenue')]);
    expect(statuses.at(-1)).toBe('live');
  });

  it('subscribes with the variable values of a panel, again after a reconnect', () => {
    const { connection, sockets } = connect();
    connection.start();
    connection.subscribe('shop', 'revenue', 3_600_000, { country: 'de' });
    (sockets[0] as TestingSocket).serverOpens();
    (sockets[0] as TestingSocket).serverDrops();
    vi.advanceTimersByTime(500);
    (sockets[1] as TestingSocket).serverOpens();

    const expected = { ...subscribe('revenue'), vars: { country: 'de' } };
    expect((sockets[0] as TestingSocket).sent).toEqual([expected]);
    expect((sockets[1] as TestingSocket).sent).toEqual([expected]);
  });

  it('gives up on a silent socket and connects again', () => {
    const { connection, sockets, statuses } = connect();
    connection.start();
    const first = sockets[0] as TestingSocket;
    first.serverOpens();

    vi.advanceTimersByTime(30_000);

    expect(first.closedWith).toBe(4000);
    expect(statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
  });

  it('stops for good: closes the socket and never reconnects', () => {
    const { connection, sockets } = connect();
    connection.start();
    const first = sockets[0] as TestingSocket;
    first.serverOpens();

    connection.stop();
    first.serverDrops();
    vi.advanceTimersByTime(60_000);

    expect(first.closedWith).toBe(1000);
    expect(sockets).toHaveLength(1);
  });

  it('sends unsubscribe and forgets the panel for later reconnects', () => {
    const { connection, sockets } = connect();
    connection.start();
    connection.subscribe('shop', 'revenue', 3_600_000);
    (sockets[0] as TestingSocket).serverOpens();

    connection.unsubscribe('revenue');
    (sockets[0] as TestingSocket).serverDrops();
    vi.advanceTimersByTime(500);
    (sockets[1] as TestingSocket).serverOpens();

    expect((sockets[0] as TestingSocket).sent.at(-1)).toEqual({ type: 'unsubscribe', panel: 'revenue' });
    expect((sockets[1] as TestingSocket).sent).toEqual([]);
  });
});
