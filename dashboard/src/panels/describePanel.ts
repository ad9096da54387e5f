import type { PanelSpec } from '../api/contract';

/** The panel's subtitle: "checkout · latency p99 · by country". */
export function describePanel(spec: PanelSpec): string {
  const measure = typeof spec.quantile === 'number' ? `${spec.measure} p${round(spec.quantile * 100)}` : spec.measure;
  const parts = [spec.stream, measure];
  if (spec.groupBy && spec.groupBy.length > 0) parts.push(`by ${spec.groupBy.join(', ')}`);
  return parts.join(' · ');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
