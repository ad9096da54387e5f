import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './backoff';
import { liveUrl } from './liveUrl';
import { parseServerMessage } from './messages';

describe('liveUrl', () => {
  it('uses ws: for a page served over http and wss: over https, on the same host and port', () => {
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/api/v1/live');
    expect(liveUrl({ protocol: 'https:', host: 'dash.example.org' })).toBe('wss://dash.example.org/api/v1/live');
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from half a second up to ten seconds', () => {
    const noJitter = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => reconnectDelayMs(attempt, noJitter))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  it('spreads reconnects by ±20 %', () => {
    expect(reconnectDelayMs(1, () => 0)).toBe(800);
    expect(reconnectDelayMs(1, () => 1)).toBe(1200);
  });
});

describe('parseServerMessage', () => {
  it('accepts the four message types and ignores anything else', () => {
    expect(parseServerMessage('{"type":"heartbeat","ts":5}')).toEqual({ type: 'heartbeat', ts: 5 });
    expect(parseServerMessage('{"type":"error","message":"unknown panel"}')?.type).toBe('error');
    expect(parseServerMessage('{"type":"gossip"}')).toBeNull();
    expect(parseServerMessage('not json')).toBeNull();
    expect(parseServerMessage('[1,2]')).toBeNull();
  });
});
