import type { PanelSpec, VariableSpec } from '../api/contract';

/** The chosen value of each variable that is not "All" (a variable left out means All). */
export type VariableSelection = Readonly<Record<string, string>>;

const PREFIX = 'var.';

/**
 * The selection kept in the page URL (`?var.country=de`): only the dashboard's variables, only non-empty
 * values (an empty value means All, as for the API); unknown `var.*` parameters are ignored.
 */
export function selectionFromSearch(search: string, variables: readonly VariableSpec[]): VariableSelection {
  const params = new URLSearchParams(search);
  const selection: Record<string, string> = {};
  for (const { name } of variables) {
    const value = params.get(PREFIX + name);
    if (value) selection[name] = value;
  }
  return selection;
}

/** `search` with every `var.*` parameter replaced by the selection's (in name order); other parameters kept. */
export function searchWithSelection(search: string, selection: VariableSelection): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith(PREFIX)) params.delete(key);
  for (const name of Object.keys(selection).sort()) {
    const value = selection[name];
    if (value) params.set(PREFIX + name, value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The selection with one variable set (or back to All for null / empty). */
export function selectVariable(selection: VariableSelection, name: string, value: string | null): VariableSelection {
  const next: Record<string, string> = { ...selection };
  if (value) next[name] = value;
  else delete next[name];
  return next;
}

/** The part of the selection that narrows this panel: the variables the server says apply to it. */
export function panelVars(spec: PanelSpec, selection: VariableSelection): VariableSelection {
  const vars: Record<string, string> = {};
  for (const name of spec.variables ?? []) {
    const value = selection[name];
    if (value) vars[name] = value;
  }
  return vars;
}

/** A canonical text for a selection, to tell whether a panel's request changed. */
export function selectionKey(selection: VariableSelection): string {
  return Object.keys(selection)
    .sort()
    .map((name) => `${name}=${selection[name]}`)
    .join('&');
}

/** What a selector lists: All first (value ''), then the values; a chosen value the data no longer has stays listed. */
export function selectorOptions(values: readonly string[], chosen: string | undefined): string[] {
  return chosen && !values.includes(chosen) ? [chosen, ...values] : [...values];
}
