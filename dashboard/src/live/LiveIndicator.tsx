import { useEffect, useState } from 'react';
import { isStale } from './freshness';
import type { LiveStatus } from './LiveConnection';

const TEXT: Record<LiveStatus | 'off', string> = {
  off: 'Paused',
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
};

interface Props {
  readonly status: LiveStatus | 'off';
  /** When the last snapshot or delta arrived (epoch ms). */
  readonly lastUpdate: number | null;
  /** The dashboard's refresh interval: how often a delta is expected while the stream moves. */
  readonly refreshMs: number;
}

/**
 * Connection state plus freshness ("updated 3 s ago", from the last snapshot or delta), so a stalled page
 * does not pass for live; connected but without deltas for a while, it turns amber ("no new data for
 * 40 s"). It is the page's connection freshness; the stream's own lag (its newest ingested row) is the
 * FreshnessBadge next to it.
 */
export function LiveIndicator({ status, lastUpdate, refreshMs }: Props) {
  const now = useNow(1000);
  const age = lastUpdate === null ? null : Math.max(0, Math.round((now - lastUpdate) / 1000));
  const stale = status === 'live' && age !== null && isStale(age * 1000, refreshMs);
  return (
    <div
      className={`live live--${status}${stale ? ' live--stale' : ''}`}
      data-testid="live-status"
      data-status={status}
      data-stale={stale}
      title={stale ? 'Connected, but no new data arrived: the stream may be lagging or stopped' : undefined}
    >
      <span className="live__dot" aria-hidden="true" />
      {/* Only the state is announced; the ticking age would make a screen reader chatter. */}
      <span role="status" aria-live="polite" aria-label={`Live updates: ${TEXT[status]}`}>
        {TEXT[status]}
      </span>
      {age !== null && <span className="live__age">{stale ? `no new data for ${age} s` : `updated ${age} s ago`}</span>}
    </div>
  );
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
