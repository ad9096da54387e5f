/** The page's client routes: `/` lists dashboards, `/d/<name>` shows one. */
export type Route =
  | { readonly kind: 'list' }
  | { readonly kind: 'dashboard'; readonly name: string }
  | { readonly kind: 'notFound'; readonly path: string };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { kind: 'list' };
  const match = /^\/d\/([^/]+)\/?$/.exec(pathname);
  if (match) {
    try {
      return { kind: 'dashboard', name: decodeURIComponent(match[1] as string) };
    } catch {
      // A malformed %-escape is no dashboard name.
    }
  }
  return { kind: 'notFound', path: pathname };
}

export function dashboardHref(name: string): string {
  return `/d/${encodeURIComponent(name)}`;
}
