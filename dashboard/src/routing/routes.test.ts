import { describe, expect, it } from 'vitest';
import { dashboardHref, parseRoute } from './routes';

describe('parseRoute', () => {
  it('maps / to the list and /d/<name> to a dashboard', () => {
    expect(parseRoute('/')).toEqual({ kind: 'list' });
    expect(parseRoute('/d/checkout')).toEqual({ kind: 'dashboard', name: 'checkout' });
    expect(parseRoute('/d/checkout/')).toEqual({ kind: 'dashboard', name: 'checkout' });
  });

  it('round-trips a name that needs escaping', () => {
    expect(parseRoute(dashboardHref('a b/c'))).toEqual({ kind: 'dashboard', name: 'a b/c' });
  });

  it('reports other paths as not found', () => {
    expect(parseRoute('/d/')).toEqual({ kind: 'notFound', path: '/d/' });
    expect(parseRoute('/d/%E0')).toEqual({ kind: 'notFound', path: '/d/%E0' });
    expect(parseRoute('/settings')).toEqual({ kind: 'notFound', path: '/settings' });
  });
});
