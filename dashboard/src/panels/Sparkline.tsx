/** A small SVG trend line: a stat panel's few dozen points do not need a chart library. */
export function Sparkline({ points, label }: { readonly points: ReadonlyArray<readonly [number, number]>; readonly label: string }) {
  const width = 300;
  const height = 48;
  if (points.length < 2) return null;
  const xs = points.map(([t]) => t);
  const ys = points.map(([, v]) => v);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const scaleX = (t: number) => ((t - x0) / (x1 - x0 || 1)) * width;
  const scaleY = (v: number) => height - 2 - ((v - y0) / (y1 - y0 || 1)) * (height - 4);
  const line = points.map(([t, v], i) => `${i === 0 ? 'M' : 'L'}${scaleX(t).toFixed(1)},${scaleY(v).toFixed(1)}`).join('');
  return (
    <svg className="sparkline" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label}>
      <path d={`${line}L${width},${height}L0,${height}Z`} className="sparkline__area" />
      <path d={line} className="sparkline__line" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
