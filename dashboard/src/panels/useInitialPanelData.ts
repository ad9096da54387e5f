import { useEffect, type Dispatch } from 'react';
import { errorMessage } from '../api/errorMessage';
import { fetchPanelData } from '../api/rest';
import type { PanelAction } from './panelsState';

/** Loads each panel's default range over REST, so charts fill even before the live snapshot. */
export function useInitialPanelData(
  dashboard: string | null,
  panelIds: readonly string[],
  rangeMs: number,
  dispatch: Dispatch<PanelAction>,
): void {
  const panelsKey = panelIds.join('\n');
  useEffect(() => {
    if (dashboard === null || panelsKey === '') return;
    const abort = new AbortController();
    const to = Date.now();
    const range = { from: to - rangeMs, to };
    for (const panel of panelsKey.split('\n')) {
      fetchPanelData(dashboard, panel, range, abort.signal).then(
        (data) => dispatch({ type: 'loaded', panel, data }),
        (error: unknown) => {
          if (!abort.signal.aborted) dispatch({ type: 'failed', panel, message: errorMessage(error) });
        },
      );
    }
    return () => abort.abort();
  }, [dashboard, panelsKey, rangeMs, dispatch]);
}
