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
