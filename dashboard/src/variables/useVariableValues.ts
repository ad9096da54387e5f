import { useEffect, useState } from 'react';
import type { VariableSpec } from '../api/contract';
import { fetchVariableValues, type TimeRange } from '../api/rest';

/** Values of each variable over the page's range; a variable whose request failed has none (its selector still offers All). */
export function useVariableValues(
  dashboard: string | null,
  variables: readonly VariableSpec[],
  range: TimeRange | null,
): Readonly<Record<string, readonly string[]>> {
  const [values, setValues] = useState<Readonly<Record<string, readonly string[]>>>({});
  const names = variables.map((v) => v.name).join(',');

  useEffect(() => {
    if (dashboard === null || range === null || names === '') return;
    const abort = new AbortController();
    for (const name of names.split(',')) {
      fetchVariableValues(dashboard, name, range, abort.signal).then(
        (answer) => setValues((current) => ({ ...current, [name]: answer.values })),
        () => {
          // The selector keeps All and the chosen value; the panels still load.
        },
      );
    }
    return () => abort.abort();
  }, [dashboard, names, range]);

  return values;
}
