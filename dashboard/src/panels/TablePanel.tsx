import { memo, useMemo } from 'react';
import type { PanelSpec } from '../api/contract';
import { formatValue } from '../data/format';
import { orderSeries, seriesNaming } from '../data/measures';
import { tableRows } from '../data/panelTransforms';
import { summarize } from '../data/summary';
import { PanelFrame } from './PanelFrame';
import type { PanelState } from './panelsState';

const MAX_ROWS = 200;
const time = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** One row per bucket (newest first), one column per (measure, group); scrolls inside the panel. */
export const TablePanel = memo(function TablePanel({ spec, state }: { readonly spec: PanelSpec; readonly state: PanelState | undefined }) {
  const series = useMemo(() => orderSeries(state?.data?.series ?? [], spec), [state?.data?.series, spec]);
  const table = useMemo(() => tableRows(series, seriesNaming(spec), MAX_ROWS), [series, spec]);
  const summary = useMemo(() => summarize(series), [series]);
  return (
    <PanelFrame spec={spec} state={state} summary={summary}>
      {/* tabIndex: a scrolling region must be reachable by keyboard */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`${spec.title}: table`}>
        <table className="table">
          <caption className="visually-hidden">
            {spec.title}: {table.totalRows} buckets{table.totalRows > table.rows.length ? `, newest ${table.rows.length} shown` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.time} data-testid="table-row">
                <th scope="row">{time.format(row.time)}</th>
                {row.values.map((value, index) => (
                  <td key={table.columns[index]}>{formatValue(value)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PanelFrame>
  );
});
