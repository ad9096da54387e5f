import type { ServerMessage } from '../api/contract';

const TYPES: ReadonlySet<string> = new Set(['snapshot', 'delta', 'heartbeat', 'error']);

/** Parses one WebSocket frame; null for anything that is not a message this page understands. */
export function parseServerMessage(text: string): ServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || !('type' in value) || typeof value.type !== 'string') {
    return null;
  }
  return TYPES.has(value.type) ? (value as ServerMessage) : null;
}
