import { useEffect, type Dispatch } from 'react';
import type { PanelSpec } from '../api/contract';
import { errorMessage } from '../api/errorMessage';
import { fetchPanelData } from '../api/rest';
import { previousWindow, resolveWindow, type RangeSelection } from '../data/timeRange';
import type { PanelAction } from './panelsState';

/**
 * Loads every panel over REST for the selected range, again whenever the range changes; stat panels also load the period before it, which they compare against. A change first
 * resets all panels, so the page shows "loading" rather than the old range's numbers.
 */
export function usePanelData(
  dashboard: string | null,
  panels: readonly PanelSpec[],
  selection: RangeSelection,
  dispatch: Dispatch<PanelAction>,
): void {
  useEffect(() => {
    if (dashboard === null || panels.length === 0) return;
    dispatch({ type: 'reset' });
    const abort = new AbortController();
    const window = resolveWindow(selection, Date.now());
    for (const { id, type } of panels) {
      fetchPanelData(dashboard, id, window, abort.signal).then(
        (data) => dispatch({ type: 'loaded', panel: id, data }),
        (error: unknown) => {
          if (!abort.signal.aborted) dispatch({ type: 'failed', panel: id, message: errorMessage(error) });
        },
      );
      if (type === 'stat') {
        fetchPanelData(dashboard, id, previousWindow(window), abort.signal).then(
          (data) => dispatch({ type: 'previousLoaded', panel: id, series: data.series }),
          () => {
            // Without the previous period the stat shows no change; its own error is reported by the main request.
          },
        );
      }
    }
    return () => abort.abort();
  }, [dashboard, panels, selection, dispatch]);
}
