/**
 * The time range a dashboard page shows: a preset relative to now ("last 1 hour", which slides and can
 * stay live) or an absolute from/to (fixed, so it is never live: the live protocol only knows "the last
 * rangeMs").
 */
export type RangeSelection =
  | { readonly kind: 'relative'; readonly ms: number }
  | { readonly kind: 'absolute'; readonly from: number; readonly to: number };

export interface Window {
  readonly from: number;
  readonly to: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const PRESETS: ReadonlyArray<{ readonly label: string; readonly ms: number }> = [
  { label: '15m', ms: 15 * MINUTE },
  { label: '1h', ms: HOUR },
  { label: '6h', ms: 6 * HOUR },
  { label: '24h', ms: DAY },
  { label: '7d', ms: 7 * DAY },
  { label: '30d', ms: 30 * DAY },
];

/**
 * The range a panel shows: its own override (`rangeMs`, "always the last 7 days") or the page's selection.
 * An override is a sliding "last N", whatever the picker says.
 */
export function panelSelection(panelRangeMs: number | null | undefined, page: RangeSelection): RangeSelection {
  return typeof panelRangeMs === 'number' && panelRangeMs > 0 ? { kind: 'relative', ms: panelRangeMs } : page;
}

/** The concrete window of a selection at `now`. */
export function resolveWindow(selection: RangeSelection, now: number): Window {
  return selection.kind === 'relative' ? { from: now - selection.ms, to: now } : { from: selection.from, to: selection.to };
}

/** The period just before a window, of the same length: what a stat panel compares against. */
export function previousWindow(window: Window): Window {
  const length = window.to - window.from;
  return { from: window.from - length, to: window.from };
}

export function rangeLength(selection: RangeSelection): number {
  return selection.kind === 'relative' ? selection.ms : selection.to - selection.from;
}

/** A `<input type="datetime-local">` value (local time, minutes) for epoch ms, and back. */
export function toLocalInput(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function fromLocalInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const parsed = new Date(value).getTime();
  return Number.isFinite(parsed) ? parsed : null;
}

/** Why an absolute range cannot be used, or null when it can. */
export function absoluteRangeProblem(from: number | null, to: number | null): string | null {
  if (from === null || to === null) return 'Enter both a start and an end.';
  if (from >= to) return 'The start must be before the end.';
  if (to - from > 400 * DAY) return 'The range can be at most 400 days.';
  return null;
}
