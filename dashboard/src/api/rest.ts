import type { Dashboard, DashboardStatus, DashboardSummary, PanelData, VariableValues } from './contract';

/** A non-2xx answer; `message` is the server's `{"error": ...}` text when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

// Relative URLs: the page is always served by the query service that answers the API.
const API = '/api/v1';

export function dashboardsPath(): string {
  return `${API}/dashboards`;
}

export function dashboardPath(name: string): string {
  return `${API}/dashboards/${encodeURIComponent(name)}`;
}

/** Variable values as query parameters: `var.<name>=<value>`, in name order (stable URLs, cache friendly). */
export type Vars = Readonly<Record<string, string>>;

export function panelDataPath(dashboard: string, panel: string, range: TimeRange, vars: Vars = {}): string {
  const query = new URLSearchParams({
    from: String(Math.floor(range.from)),
    to: String(Math.floor(range.to)),
    step: 'auto',
  });
  for (const name of Object.keys(vars).sort()) query.set(`var.${name}`, vars[name] as string);
  return `${dashboardPath(dashboard)}/panels/${encodeURIComponent(panel)}?${query}`;
}

export function variableValuesPath(dashboard: string, variable: string, range: TimeRange): string {
  const query = new URLSearchParams({ from: String(Math.floor(range.from)), to: String(Math.floor(range.to)) });
  return `${dashboardPath(dashboard)}/variables/${encodeURIComponent(variable)}/values?${query}`;
}

export function statusPath(dashboard: string): string {
  return `${dashboardPath(dashboard)}/status`;
}

export function fetchDashboards(signal?: AbortSignal): Promise<DashboardSummary[]> {
  return getJson(dashboardsPath(), signal);
}

export function fetchDashboard(name: string, signal?: AbortSignal): Promise<Dashboard> {
  return getJson(dashboardPath(name), signal);
}

export function fetchPanelData(
  dashboard: string,
  panel: string,
  range: TimeRange,
  vars: Vars,
  signal?: AbortSignal,
): Promise<PanelData> {
  return getJson(panelDataPath(dashboard, panel, range, vars), signal);
}

export function fetchVariableValues(dashboard: string, variable: string, range: TimeRange, signal?: AbortSignal): Promise<VariableValues> {
  return getJson(variableValuesPath(dashboard, variable, range), signal);
}

export function fetchDashboardStatus(dashboard: string, signal?: AbortSignal): Promise<DashboardStatus> {
  return getJson(statusPath(dashboard), signal);
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) {
    throw new ApiError(response.status, await errorText(response));
  }
  return (await response.json()) as T;
}

async function errorText(response: Response): Promise<string> {
  const fallback = `HTTP ${response.status} ${response.statusText}`.trim();
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') {
      return body.error;
    }
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): the status line says enough.
  }
  return fallback;
}
