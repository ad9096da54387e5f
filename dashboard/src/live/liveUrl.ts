/** The live endpoint on the host that served the page: wss: behind TLS, ws: otherwise. */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/v1/live`;
}
