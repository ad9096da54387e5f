const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

/**
 * Wait before reconnect attempt `attempt` (0-based): 0.5 s doubling up to 10 s, with ±20 % jitter
 * so that many pages dropped by one server restart do not all come back in the same instant.
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempt));
  const jitter = 0.8 + 0.4 * random();
  return Math.round(base * jitter);
}
