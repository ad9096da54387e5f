import { describe, expect, it } from 'vitest';
import type { PanelSpec } from '../api/contract';
import { panelVars, searchWithSelection, selectionFromSearch, selectionKey, selectorOptions, selectVariable } from './variables';

const variables = [
  { name: 'country', dimension: 'country' },
  { name: 'platform', dimension: 'platform', label: 'Platform' },
];
const panel = (over: Partial<PanelSpec>): PanelSpec => ({ id: 'p', title: 'P', type: 'timeseries', stream: 's', measure: 'events', ...over });

describe('variable selection in the URL', () => {
  it('reads var.<name> of the dashboard variables only, and an empty value as All', () => {
    expect(selectionFromSearch('?var.country=de&var.platform=&var.unknown=x&range=1h', variables)).toEqual({ country: 'de' });
    expect(selectionFromSearch('', variables)).toEqual({});
  });

  it('writes the selection in name order, keeps other parameters and drops variables set back to All', () => {
    expect(searchWithSelection('?range=1h&var.country=de', { platform: 'ios', country: 'fr' })).toBe('?range=1h&var.country=fr&var.platform=ios');
    expect(searchWithSelection('?var.country=de', {})).toBe('');
  });

  it('round-trips values that need escaping', () => {
    const search = searchWithSelection('', { country: 'a b&c=d/é' });
    expect(selectionFromSearch(search, variables)).toEqual({ country: 'a b&c=d/é' });
  });
});

describe('selectVariable', () => {
  it('sets a value and returns to All on null or empty, without changing the input', () => {
    const before = { country: 'de' };
    expect(selectVariable(before, 'platform', 'ios')).toEqual({ country: 'de', platform: 'ios' });
    expect(selectVariable(before, 'country', null)).toEqual({});
    expect(selectVariable(before, 'country', '')).toEqual({});
    expect(before).toEqual({ country: 'de' });
  });
});

describe('panelVars', () => {
  it('keeps only the chosen variables that apply to the panel', () => {
    const selection = { country: 'de', platform: 'ios' };
    expect(panelVars(panel({ variables: ['country'] }), selection)).toEqual({ country: 'de' });
    expect(panelVars(panel({ variables: ['country', 'platform'] }), { platform: 'ios' })).toEqual({ platform: 'ios' });
    expect(panelVars(panel({ variables: [] }), selection)).toEqual({});
    expect(panelVars(panel({}), selection)).toEqual({}); // a server without variables
  });
});

describe('selectionKey', () => {
  it('does not depend on the order the variables were chosen in', () => {
    expect(selectionKey({ b: '2', a: '1' })).toBe(selectionKey({ a: '1', b: '2' }));
    expect(selectionKey({ a: '1' })).not.toBe(selectionKey({ a: '2' }));
  });
});

describe('selectorOptions', () => {
  it('keeps a chosen value the current range does not have', () => {
    expect(selectorOptions(['de', 'fr'], 'jp')).toEqual(['jp', 'de', 'fr']);
    expect(selectorOptions(['de', 'fr'], 'fr')).toEqual(['de', 'fr']);
    expect(selectorOptions(['de'], undefined)).toEqual(['de']);
  });
});
