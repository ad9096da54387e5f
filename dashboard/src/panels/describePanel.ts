import type { PanelSpec } from '../api/contract';
import { measureLabel, panelMeasures } from '../data/measures';

/** The panel's subtitle: "checkout · latency p99 · by country", "checkout · events, revenue · top 5 by country". */
export function describePanel(spec: PanelSpec): string {
  const all = panelMeasures(spec);
  // The quantile pick applies to the panel's quantiles measures (the only measure, on an older server).
  const measures = all.map((m) =>
    (m.aggregate === 'quantiles' || all.length === 1) && typeof spec.quantile === 'number' ? `${measureLabel(m)} p${round(spec.quantile * 100)}` : measureLabel(m),
  );
  const parts = [spec.stream, measures.join(', ')];
  if (spec.groupBy && spec.groupBy.length > 0) {
    parts.push(`${typeof spec.limit === 'number' ? `top ${spec.limit} ` : ''}by ${spec.groupBy.join(', ')}`);
  }
  return parts.join(' · ');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
