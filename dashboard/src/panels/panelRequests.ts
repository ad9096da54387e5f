import type { PanelSpec } from '../api/contract';
import { panelSelection, rangeLength, type RangeSelection } from '../data/timeRange';
import { panelVars, selectionKey, type VariableSelection } from '../data/variables';

/** What the page asks the server for one panel: over REST for its range, and live. */
export interface PanelRequest {
  readonly panel: string;
  readonly type: string;
  /** The panel's own range override, or the page's. */
  readonly selection: RangeSelection;
  readonly rangeMs: number;
  /** Only the variables that apply to this panel. */
  readonly vars: VariableSelection;
  /**
   * Changes exactly when the panel must be loaded again: its range (for a panel that follows the page,
   * each new pick of the page, `pageEpoch`) or its variable values. A panel with an override is not
   * reloaded by the picker; a panel a variable does not apply to is not reloaded by that variable.
   */
  readonly key: string;
}

/** The requests of every panel that can be asked for: a panel with a `problem` gets none (the server answers 409). */
export function panelRequests(
  specs: readonly PanelSpec[],
  page: RangeSelection,
  pageEpoch: number,
  variables: VariableSelection,
): PanelRequest[] {
  return specs
    .filter((spec) => !spec.problem)
    .map((spec) => {
      const selection = panelSelection(spec.rangeMs, page);
      const vars = panelVars(spec, variables);
      const range = selection === page ? `page#${pageEpoch}` : `last ${selection.kind === 'relative' ? selection.ms : ''}`;
      return { panel: spec.id, type: spec.type, selection, rangeMs: rangeLength(selection), vars, key: `${range}|${selectionKey(vars)}` };
    });
}
