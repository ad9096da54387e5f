/** Identity of a series: its labels in a canonical order, so {a,b} and {b,a} are the same series. */
export function labelsKey(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels)
    .sort()
    .map((name) => `${name}=${labels[name]}`)
    .join(',');
}

/**
 * What the legend shows: the label values (`de`, or `de · ios` when grouped by several dimensions,
 * in dimension-name order; the panel's subtitle names the dimensions), or the fallback for a series
 * without labels.
 */
export function seriesName(labels: Readonly<Record<string, string>>, fallback: string): string {
  const names = Object.keys(labels).sort();
  return names.length === 0 ? fallback : names.map((name) => labels[name]).join(' · ');
}
