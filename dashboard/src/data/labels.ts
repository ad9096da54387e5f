import { OTHER_LABEL, type Series } from '../api/contract';

/** Identity of a label set in a canonical order, so {a,b} and {b,a} are the same group. */
export function labelsKey(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels)
    .sort()
    .map((name) => `${name}=${labels[name]}`)
    .join(',');
}

/** Identity of a series: its measure and its group (two measures of one panel share a group's labels). */
export function seriesKey(series: Pick<Series, 'labels' | 'measure'>): string {
  return `${series.measure ?? ''}|${labelsKey(series.labels)}`;
}

export interface SeriesNaming {
  /** What a series without group or measure is called: the panel's title. */
  readonly fallback: string;
  /** Panels with several measures name the measure too. */
  readonly showMeasure: boolean;
}

/**
 * What the legend, a bar or a table column shows: the group (`de`, or `de · ios` when grouped by several
 * dimensions, in dimension-name order; the panel's subtitle names the dimensions; the server's folded
 * series reads "other"), prefixed by the measure when the panel has several (`revenue · de`).
 */
export function seriesName(series: Pick<Series, 'labels' | 'measure' | 'other'>, naming: SeriesNaming): string {
  const names = Object.keys(series.labels).sort();
  const group = series.other
    ? 'other'
    : names.map((name) => (series.labels[name] === OTHER_LABEL ? 'other' : series.labels[name])).join(' · ');
  const measure = naming.showMeasure ? series.measure : undefined;
  if (measure && group) return `${measure} · ${group}`;
  return measure || group || naming.fallback;
}
