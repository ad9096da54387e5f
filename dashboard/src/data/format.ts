const UNITS: ReadonlyArray<readonly [number, string, string]> = [
  [86_400_000, 'day', 'days'],
  [3_600_000, 'hour', 'hours'],
  [60_000, 'minute', 'minutes'],
  [1_000, 'second', 'seconds'],
];

/** "Last 6 hours", "Last 90 minutes", "Last 1 day". */
export function formatRange(rangeMs: number): string {
  for (const [size, one, many] of UNITS) {
    if (rangeMs >= size && rangeMs % size === 0) {
      const count = rangeMs / size;
      return `Last ${count} ${count === 1 ? one : many}`;
    }
  }
  return `Last ${Math.round(rangeMs / 1000)} seconds`;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });

/** Axis and label values: 1.2K, 3.4M; small numbers as they are. */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return Math.abs(value) >= 10_000 ? compact.format(value) : plain.format(value);
}
