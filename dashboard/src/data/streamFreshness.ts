import type { DashboardStatus, FreshnessState, StreamFreshness } from '../api/contract';

export interface FreshnessBadge {
  readonly state: FreshnessState;
  /** The badge text: "Fresh", "Lagging: data is 42 s behind", ... */
  readonly text: string;
  /** One line per stream, for the tooltip and screen readers. */
  readonly details: readonly string[];
}

// The page shows its worst stream: one lagging stream is what a viewer must notice.
const SEVERITY: Record<FreshnessState, number> = { fresh: 0, empty: 1, unknown: 2, lagging: 3, stale: 4 };

/** "42 s", "3 min", "2 h 5 min", "3 d". */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 120) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d`;
}

function streamLine(stream: StreamFreshness): string {
  const age = stream.ageMs === null ? null : formatAge(stream.ageMs);
  const threshold = formatAge(stream.maxLagMs);
  switch (stream.state) {
    case 'fresh':
      return `${stream.stream}: fresh, newest event ingested ${age ?? '?'} ago (lag allowed: ${threshold})`;
    case 'lagging':
      return `${stream.stream}: lagging, data is ${age ?? '?'} behind (more than ${threshold})`;
    case 'stale':
      return `${stream.stream}: stale, no new data for ${age ?? '?'}`;
    case 'empty':
      return `${stream.stream}: no data ingested yet`;
    case 'unknown':
      return `${stream.stream}: freshness unknown (ClickHouse did not answer)`;
  }
}

function headline(stream: StreamFreshness, several: boolean): string {
  const age = stream.ageMs === null ? '?' : formatAge(stream.ageMs);
  const prefix = several ? `${stream.stream}: ` : '';
  switch (stream.state) {
    case 'fresh':
      return 'Fresh';
    case 'lagging':
      return `Lagging: ${prefix}data is ${age} behind`;
    case 'stale':
      return `Stale: ${prefix}no new data for ${age}`;
    case 'empty':
      return `No data yet${several ? ` in ${stream.stream}` : ''}`;
    case 'unknown':
      return 'Freshness unknown';
  }
}

/**
 * The page's freshness badge from `/status`: the worst stream's state and text. `error` is a failed
 * status request: the state is then unknown, with the reason in the details.
 */
export function freshnessBadge(status: DashboardStatus | null, error: string | null): FreshnessBadge {
  if (error !== null) return { state: 'unknown', text: 'Freshness unknown', details: [`The status request failed: ${error}`] };
  if (status === null) return { state: 'unknown', text: 'Checking freshness…', details: [] };
  if (status.streams.length === 0) return { state: 'unknown', text: 'Freshness unknown', details: ['The dashboard reads no stream'] };
  const worst = status.streams.reduce((a, b) => (SEVERITY[b.state] > SEVERITY[a.state] ? b : a));
  return { state: worst.state, text: headline(worst, status.streams.length > 1), details: status.streams.map(streamLine) };
}
