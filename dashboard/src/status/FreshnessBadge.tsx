import { freshnessBadge } from '../data/streamFreshness';
import type { StatusState } from './useDashboardStatus';

/**
 * How current the dashboard's data is, from the streams' newest ingested row (`/status`): fresh (green),
 * lagging (amber, "data is 42 s behind"), stale (red), no data yet, or unknown. The page's worst stream
 * decides; the tooltip lists each stream.
 */
export function FreshnessBadge({ status, error }: StatusState) {
  const badge = freshnessBadge(status, error);
  const details = badge.details.join('\n');
  return (
    <div
      className={`freshness freshness--${badge.state}`}
      data-testid="freshness"
      data-state={badge.state}
      title={details || undefined}
    >
      <span className="freshness__dot" aria-hidden="true" />
      {/* polite: a stream falling behind is announced once, not every poll (the text only changes with the state or age) */}
      <span role="status" aria-live="polite" aria-label={`Data freshness: ${badge.text}${details ? `. ${badge.details.join('. ')}` : ''}`}>
        {badge.text}
      </span>
    </div>
  );
}
