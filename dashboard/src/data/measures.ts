import type { MeasureSpec, PanelSpec, Series } from '../api/contract';
import type { SeriesNaming } from './labels';

/** The panel's measures; a server from before issue 6 names one (`measure`, `aggregate`). */
export function panelMeasures(spec: PanelSpec): readonly MeasureSpec[] {
  if (spec.measures && spec.measures.length > 0) return spec.measures;
  return [{ name: spec.measure, aggregate: spec.aggregate ?? 'count' }];
}

/**
 * The series of one measure. A series without `measure` (an older server, one measure per panel)
 * belongs to the panel's first measure.
 */
export function seriesOfMeasure(series: readonly Series[], spec: PanelSpec, measure: string): Series[] {
  const first = panelMeasures(spec)[0]?.name;
  return series.filter((s) => (s.measure ?? first) === measure);
}

/** How a panel names its series: by group, and by measure as well when it has several. */
export function seriesNaming(spec: PanelSpec): SeriesNaming {
  return { fallback: spec.title, showMeasure: panelMeasures(spec).length > 1 };
}

/** "revenue (EUR)" when the measure has a unit. */
export function measureLabel(measure: MeasureSpec): string {
  return measure.unit ? `${measure.name} (${measure.unit})` : measure.name;
}

/**
 * The order a panel draws its series in: by the panel's measure order (so the first measure owns the left
 * axis and the first colours), the server's folded "other" last within each measure, the server's order
 * (largest groups first) otherwise. Returns the input when it is already in that order.
 */
export function orderSeries(series: readonly Series[], spec: PanelSpec): readonly Series[] {
  const names = panelMeasures(spec).map((m) => m.name);
  const rank = (s: Series) => {
    const index = names.indexOf(s.measure ?? names[0] ?? '');
    return (index < 0 ? names.length : index) * 2 + (s.other ? 1 : 0);
  };
  const ranks = series.map(rank);
  if (ranks.every((r, i) => i === 0 || (ranks[i - 1] as number) <= r)) return series;
  return series.map((s, i) => ({ s, r: ranks[i] as number, i })).sort((a, b) => a.r - b.r || a.i - b.i).map(({ s }) => s);
}
