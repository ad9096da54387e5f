#!/usr/bin/env node
// Browser checks of the dashboard page against a running local mode, for the whole-stack E2E test.
//
// Usage: node e2e/dashboard-checks.mjs <queryServiceUrl> <panelTypesUrl> <queryPid> <screenshotDir>
//        node e2e/dashboard-checks.mjs --screenshots <screenshotDir> <dashboardUrl>...
//
// <queryServiceUrl> serves the quickstart dashboard (its query process has PID <queryPid>);
// <panelTypesUrl> serves a dashboard with stat, bar, timeseries (grouped) and table panels. In one
// headless Debian chromium (/usr/bin/chromium or $PULSEBOARD_CHROMIUM, driven by playwright-core) it checks,
// in order, what a user would notice:
//   1. every panel of the quickstart dashboard shows data, and a live update reaches a chart within 3 s; the
//      freshness badge says "Fresh" for the live demo stream;
//   2. a preset range refetches every panel over REST and resubscribes live with the new rangeMs, and the
//      charts' x axes span it;
//      keyboard: Enter on a preset picks it; an absolute range refetches and switches live off;
//   3. after SIGKILL of the query process the page says "reconnecting", then is live again and updating,
//      without a reload (the local runner restarts the process; pass a URL that stays the same, see LocalModeE2E);
//   4. each panel's points equal the REST API's for the same range (live paused to freeze the page): the
//      same buckets, and equal values in all but the newest two (it waits for the stream's third minute);
//   5. a variable narrows every affected panel: picking a value (a labelled native select) puts var.<name> in the
//      page URL, refetches exactly the panels it applies to with var.<name>, resubscribes them live with vars, and
//      each then shows the REST API's points for that value (grouped panels only that value's series); a reload
//      keeps the pick, All undoes it;
//   6. the panel-types dashboard: stat value with a second measure, the server's top-N limit and its "other" bar,
//      stacked area, table rows, a range override badge whose panel the picker does not reload, an invalid panel
//      shown as an error card and never requested; the limited panel still shows at most `limit` groups after a
//      dozen live ticks; its points equal the REST API's too;
//   7. screenshots <screenshotDir>/<dashboard>-<dark|light>.png; dark by system preference, and the theme
//      toggle's choice survives a reload.
// With --screenshots it only opens each dashboard URL (a query service), waits until no panel is loading (and,
// for up to a minute, until they show data) and saves its screenshots in both themes.
// Prints one JSON line {"ok":..., "checks":[...], "screenshots":[...]}; exit 0 when all passed, 1 when one
// failed ("error" says which and why), 2 on bad usage.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.PULSEBOARD_CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
const READY_MS = 45_000;
const LIVE_UPDATE_MS = 3_000;
const RECOVER_MS = 150_000;
const HOUR = 3_600_000;
const SETTLED_AFTER_BUCKETS = 3; // the newest two buckets may still change
const SETTLE_MS = 200_000;

class CheckFailed extends Error {}

const result = { ok: false, checks: [], screenshots: [] };

function passed(name, detail = {}) {
  result.checks.push({ name, ...detail });
}

function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

const USAGE = `usage: node e2e/dashboard-checks.mjs <queryServiceUrl> <panelTypesUrl> <queryPid> <screenshotDir>
       node e2e/dashboard-checks.mjs --screenshots <screenshotDir> <dashboardUrl>...`;

async function main(args) {
  const screenshotsOnly = args[0] === '--screenshots';
  const [quickstartUrl, panelTypesUrl, queryPid, screenshotDir] = screenshotsOnly ? [null, null, null, args[1]] : args;
  const exampleUrls = screenshotsOnly ? args.slice(2) : [];
  if (screenshotsOnly ? !screenshotDir || exampleUrls.length === 0 : !quickstartUrl || !panelTypesUrl || !queryPid || !screenshotDir) {
    console.error(USAGE);
    return 2;
  }
  mkdirSync(screenshotDir, { recursive: true });
  rmSync(join(screenshotDir, 'failure.png'), { force: true }); // only this run's failure, if any
  const profile = mkdtempSync(join(tmpdir(), 'pulseboard-chromium-'));
  const pageErrors = [];
  let context;
  let page;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1360, height: 900 },
      colorScheme: 'dark', // the page must follow the system preference until the user picks a theme
    });
    page = context.pages()[0] ?? (await context.newPage());
    watchErrors(page, pageErrors);
    if (screenshotsOnly) await screenshotDashboards(page, exampleUrls, screenshotDir);
    else await checkEverything(page, { quickstartUrl, panelTypesUrl, queryPid, screenshotDir });
    check(pageErrors.length === 0, `the page logged errors: ${pageErrors.slice(0, 3).join(' | ')}`);
    result.ok = true;
  } catch (error) {
    result.error = error instanceof CheckFailed ? error.message : firstLine(error);
    if (page) {
      result.alerts = await page.locator('[role="alert"]').allInnerTexts().catch(() => []);
      await page.screenshot({ path: join(screenshotDir, 'failure.png'), fullPage: true }).catch(() => undefined);
    }
    if (pageErrors.length > 0) result.pageErrors = pageErrors.slice(0, 5);
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(JSON.stringify(result));
  if (!result.ok) console.error(`dashboard check failed: ${result.error}`);
  return result.ok ? 0 : 1;
}

/** The whole set of checks, in order (see the top of this file). */
async function checkEverything(page, { quickstartUrl, panelTypesUrl, queryPid, screenshotDir }) {
  const sent = watchSocketFrames(page);
  const requested = watchPanelRequests(page);

  const quickstart = await openDashboard(page, quickstartUrl);
  await waitForAllPanels(page, ['ready']);
  check((await page.getAttribute('html', 'data-theme')) === 'dark', 'with prefers-color-scheme: dark the page is not dark');
  await checkLiveUpdate(page);
  await checkFreshness(page);
  await checkRangeChanges(page, quickstart, sent);
  await checkRecoversFromKill(page, Number(queryPid));
  await checkPointsMatchRest(page, quickstart, 'quickstart'); // by now the stream has settled minutes
  await checkVariableNarrows(page, quickstart, sent, requested);
  await screenshotsInBothThemes(page, quickstart, screenshotDir, 'dark');
  await page.reload({ waitUntil: 'domcontentloaded' });
  await waitForAllPanels(page, ['ready']);
  check((await page.getAttribute('html', 'data-theme')) === 'light', 'the light theme chosen by the toggle was not kept across a reload');
  passed('dark by system preference; the theme toggle persists across a reload');

  const panelTypes = await openDashboard(page, panelTypesUrl);
  await waitForAllPanels(page, ['ready', 'invalid']);
  await checkPanelTypes(page, panelTypes, requested);
  await checkLimitsHoldWhileLive(page, panelTypes);
  await checkPointsMatchRest(page, panelTypes, 'panel types');
  await screenshotsInBothThemes(page, panelTypes, screenshotDir, 'dark', ['ready', 'invalid']); // another origin: no stored choice
}

/** Screenshots of each dashboard URL in both themes, once its panels left loading. */
async function screenshotDashboards(page, urls, screenshotDir) {
  for (const url of urls) {
    const dashboard = await openDashboard(page, url);
    await waitForDataOrFinal(page, dashboard.name);
    await screenshotsInBothThemes(page, dashboard, screenshotDir, 'dark', FINAL_STATES);
  }
}

/** Panels in these states will not change without user action; a panel with a problem is never loaded. */
const FINAL_STATES = ['ready', 'empty', 'error', 'invalid'];

/** Every panel REST request the page makes: {panel, from, to, vars: {name: value}}. */
function watchPanelRequests(page) {
  const requests = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const match = /\/panels\/([^/]+)$/.exec(url.pathname);
    if (!match) return;
    const vars = {};
    for (const [key, value] of url.searchParams) if (key.startsWith('var.')) vars[key.slice(4)] = value;
    requests.push({ panel: decodeURIComponent(match[1]), from: Number(url.searchParams.get('from')), to: Number(url.searchParams.get('to')), vars });
  });
  return requests;
}

/** For an example dashboard: no panel loading, then up to 30 s more for each to show data (a fresh stream's first rows). */
async function waitForDataOrFinal(page, name) {
  await waitForAllPanels(page, FINAL_STATES, 60_000);
  await waitForAllPanels(page, ['ready', 'invalid'], 30_000).catch(() => undefined); // empty is a fair picture too
  const states = await page.$$eval('[data-testid^="panel-"]', (panels) => panels.map((p) => `${p.dataset.testid}=${p.dataset.state}`));
  passed(`${name}: every panel left "loading"`, { states });
}

function watchErrors(page, errors) {
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    // A killed server makes the browser log failed socket/fetch attempts: expected during check 4.
    const text = message.text();
    if (message.type() === 'error' && !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(text)) errors.push(text);
  });
}

/** Every WebSocket frame the page sends, parsed. */
function watchSocketFrames(page) {
  const frames = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', (frame) => {
      try {
        frames.push(JSON.parse(String(frame.payload)));
      } catch {
        // not JSON: not ours
      }
    }),
  );
  return frames;
}

/** Opens the first dashboard the service lists; returns {name, base}. */
async function openDashboard(page, serviceUrl) {
  const base = serviceUrl.replace(/\/+$/, '');
  const list = await (await page.request.get(`${base}/api/v1/dashboards`)).json();
  check(Array.isArray(list) && list.length > 0, `${base}/api/v1/dashboards lists no dashboard`);
  const name = list[0].name;
  await page.goto(`${base}/d/${encodeURIComponent(name)}`, { waitUntil: 'domcontentloaded' });
  return { name, base };
}

/** Waits until every panel is in one of `states` (data-state: loading | error | empty | ready). */
async function waitForAllPanels(page, states, timeout = READY_MS) {
  try {
    await page.waitForFunction(
      (states) => {
        const panels = [...document.querySelectorAll('[data-testid^="panel-"]')];
        return panels.length > 0 && panels.every((p) => states.includes(p.getAttribute('data-state')));
      },
      states,
      { timeout },
    );
  } catch {
    const seen = await page
      .$$eval('[data-testid^="panel-"]', (panels) => panels.map((p) => `${p.dataset.testid}=${p.dataset.state}`))
      .catch(() => []);
    throw new CheckFailed(`not every panel reached ${states.join('/')} within ${timeout / 1000} s: ${seen.join(', ')}`);
  }
}

async function panelFingerprint(page, testId) {
  return page.$eval(`[data-testid="${testId}"]`, (p) => `${p.dataset.points}|${p.dataset.last}|${p.dataset.sum}`);
}

async function checkLiveUpdate(page) {
  const testId = await page.$eval('[data-testid^="panel-"][data-type="timeseries"]', (p) => p.dataset.testid);
  await page.waitForSelector('[data-testid="live-status"][data-status="live"]', { timeout: READY_MS });
  // Deltas go into the same uPlot chart (setData), not a new one: the canvas survives the update.
  await page.$eval(`[data-testid="${testId}"] canvas`, (canvas) => (canvas.dataset.beforeDelta = 'yes'));
  await waitForChange(page, testId, LIVE_UPDATE_MS, `no live update reached ${testId} within ${LIVE_UPDATE_MS / 1000} s`);
  const age = await page.textContent('[data-testid="live-status"]');
  check(/updated \d+ s ago/.test(age ?? ''), `the live badge shows no freshness ("${age}")`);
  const sameCanvas = await page.$eval(`[data-testid="${testId}"] canvas`, (canvas) => canvas.dataset.beforeDelta === 'yes');
  check(sameCanvas, `a live update re-created the chart of ${testId} instead of updating it in place`);
  passed('live update within 3 s, drawn into the same chart', { panel: testId, badge: age });
}

async function waitForChange(page, testId, timeout, message) {
  const before = await panelFingerprint(page, testId);
  try {
    await page.waitForFunction(
      ({ testId, before }) => {
        const p = document.querySelector(`[data-testid="${testId}"]`);
        return p !== null && `${p.dataset.points}|${p.dataset.last}|${p.dataset.sum}` !== before;
      },
      { testId, before },
      { timeout },
    );
  } catch {
    throw new CheckFailed(`${message} (still ${before})`);
  }
}

/**
 * Pauses live (the page keeps what it shows), then compares each panel's points with the REST answer for
 * the same range: the same buckets, and equal values except in the newest two buckets, which may still
 * be filling. A mismatch is retried with fresh data twice before it fails.
 */
async function checkPointsMatchRest(page, dashboard, label, vars = {}) {
  // Values are compared only in buckets that no longer change, so wait for a fresh stack's third minute.
  await page
    .waitForFunction(
      ({ ids, buckets }) =>
        ids.every((id) => {
          const series = window.__pulseboardPanels?.[id]?.data?.series ?? [];
          return new Set(series.flatMap((s) => s.points.map(([t]) => t))).size >= buckets;
        }),
      {
        ids: await page.$$eval('[data-testid^="panel-"]:not([data-state="invalid"])', (panels) =>
          panels.map((p) => p.dataset.testid.slice('panel-'.length)),
        ),
        buckets: SETTLED_AFTER_BUCKETS,
      },
      { timeout: SETTLE_MS, polling: 1_000 },
    )
    .catch(() => {
      throw new CheckFailed(`${label}: panels did not reach ${SETTLED_AFTER_BUCKETS} buckets within ${SETTLE_MS / 1000} s`);
    });
  let problems = [];
  let compared = {};
  for (let attempt = 0; attempt < 3; attempt++) {
    await setLive(page, false);
    ({ problems, compared } = await page.evaluate(compareWithRest, { dashboardName: dashboard.name, vars }));
    if (problems.length === 0) break;
    await setLive(page, true);
    await page.waitForTimeout(2_000);
  }
  check(problems.length === 0, `${label}: the page's points differ from the REST API: ${problems.slice(0, 3).join('; ')}`);
  await setLive(page, true);
  await waitForAllPanels(page, ['ready', 'invalid']);
  passed(`${label}: every panel's points equal the REST API's`, { compared });
}

/**
 * Runs in the page: reads what each panel shows (window.__pulseboardPanels) and fetches REST for the same range
 * and the variable values that apply to the panel. A series is identified by its measure and labels.
 */
async function compareWithRest({ dashboardName, vars }) {
  const key = (series) =>
    `${series.measure ?? ''}|` +
    Object.keys(series.labels)
      .sort()
      .map((k) => `${k}=${series.labels[k]}`)
      .join(',');
  const shown = window.__pulseboardPanels ?? {};
  const problems = [];
  const compared = {};
  const spec = await (await fetch(`/api/v1/dashboards/${encodeURIComponent(dashboardName)}`)).json();
  for (const panel of document.querySelectorAll('[data-testid^="panel-"]:not([data-state="invalid"])')) {
    const id = panel.dataset.testid.slice('panel-'.length);
    const applies = spec.panels.find((p) => p.id === id)?.variables ?? [];
    const narrowing = Object.entries(vars)
      .filter(([name]) => applies.includes(name))
      .map(([name, value]) => `&var.${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
      .join('');
    const data = shown[id]?.data;
    if (!data) {
      problems.push(`${id}: shows no data`);
      continue;
    }
    const times = [...new Set(data.series.flatMap((s) => s.points.map(([t]) => t)))].sort((a, b) => a - b);
    const [first, last] = [times[0], times[times.length - 1]];
    const settled = times[times.length - 2] ?? -Infinity; // values before the newest two buckets are final
    const url = `/api/v1/dashboards/${encodeURIComponent(dashboardName)}/panels/${encodeURIComponent(id)}?from=${first}&to=${last + 1}&step=${data.granularity}${narrowing}`;
    const rest = await (await fetch(url)).json();
    const restPoints = new Map();
    for (const s of rest.series) for (const [t, v] of s.points) if (t >= first && t <= last) restPoints.set(`${key(s)}@${t}`, v);
    const pagePoints = new Map();
    for (const s of data.series) for (const [t, v] of s.points) pagePoints.set(`${key(s)}@${t}`, v);
    let valuesCompared = 0;
    for (const [k, v] of restPoints) {
      if (!pagePoints.has(k)) problems.push(`${id}: REST has ${k}=${v}, the page has no such point`);
      else if (Number(k.split('@')[1]) < settled) {
        valuesCompared++;
        if (Math.abs(pagePoints.get(k) - v) > 1e-9 * Math.max(1, Math.abs(v)))
          problems.push(`${id}: ${k} is ${pagePoints.get(k)} on the page, ${v} over REST`);
      }
    }
    for (const k of pagePoints.keys()) if (!restPoints.has(k)) problems.push(`${id}: the page has ${k}, REST does not`);
    const chart = panel.querySelector('[data-testid="chart"]');
    if (chart && Number(chart.dataset.plottedBuckets) !== times.length)
      problems.push(`${id}: the chart draws ${chart.dataset.plottedBuckets} buckets, the data has ${times.length}`);
    if (valuesCompared === 0) problems.push(`${id}: no settled bucket to compare (buckets ${times.join(', ')})`);
    compared[id] = { points: restPoints.size, valuesCompared };
  }
  return { problems, compared };
}

async function setLive(page, on) {
  const toggle = page.locator('[data-testid="live-switch"]');
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
  await page.waitForSelector(`[data-testid="live-status"]${on ? ':not([data-status="off"])' : '[data-status="off"]'}`, {
    timeout: 5_000,
  });
}

function isPanelRequest(request, predicate) {
  if (!request.url().includes('/panels/')) return false;
  const params = new URL(request.url()).searchParams;
  return predicate(Number(params.get('from')), Number(params.get('to')));
}

async function checkRangeChanges(page, dashboard, sent) {
  const panelCount = await page.locator('[data-testid^="panel-"]').count();

  // A preset: REST for every panel with the new length, and a live subscribe with the new rangeMs.
  let oneHour = 0;
  const countHour = (request) => isPanelRequest(request, (from, to) => to - from === HOUR) && oneHour++;
  page.on('request', countHour);
  const framesBefore = sent.length;
  await page.click('[data-testid="range-1h"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="range-1h"]')?.getAttribute('aria-pressed') === 'true');
  await waitForAllPanels(page, ['ready']);
  await page.waitForSelector('[data-testid="live-status"][data-status="live"]', { timeout: READY_MS });
  page.off('request', countHour);
  check(oneHour >= panelCount, `choosing 1h fetched ${oneHour} panels with a 1 h range over REST, expected ${panelCount}`);
  const resubscribed = sent.slice(framesBefore).filter((m) => m.type === 'subscribe' && m.rangeMs === HOUR).length;
  check(resubscribed >= panelCount, `choosing 1h sent ${resubscribed} live subscriptions with rangeMs ${HOUR}, expected ${panelCount}`);
  // The x axis spans the whole hour, not only the minutes that have data (a fresh stack has a few).
  const spans = await page.$$eval('[data-testid="chart"]', (charts) => charts.map((c) => Number(c.dataset.xMax) - Number(c.dataset.xMin)));
  check(spans.length > 0 && spans.every((span) => span >= HOUR - 60_000), `with 1h chosen the charts' x axes span ${spans.join(', ')} ms`);
  await waitForChange(page, await firstTimeseries(page), 10_000, 'no live update after choosing 1h');
  passed('a preset range refetches over REST and resubscribes live', { restRequests: oneHour, subscriptions: resubscribed });

  // Keyboard: Tab reaches the presets, Enter picks one.
  await page.focus('[data-testid="range-6h"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="range-6h"]')?.getAttribute('aria-pressed') === 'true');
  await page.focus('[data-testid="live-switch"]');
  await page.keyboard.press('Space');
  await page.waitForSelector('[data-testid="live-status"][data-status="off"]', { timeout: 5_000 });
  await page.keyboard.press('Space');
  await page.waitForSelector('[data-testid="live-status"]:not([data-status="off"])', { timeout: 5_000 });
  passed('Enter picks a preset, Space toggles live');

  // An absolute range: REST with exactly that start, live off (it cannot follow a fixed range).
  await page.click('[data-testid="range-custom"]');
  const fromText = await page.evaluate(() => {
    const d = new Date(Date.now() - 20 * 60_000);
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
  const fromMs = await page.evaluate((text) => new Date(text).getTime(), fromText);
  await page.fill('[data-testid="range-from"]', fromText);
  const absoluteRequest = page.waitForRequest((request) => isPanelRequest(request, (from) => from === fromMs), { timeout: 10_000 });
  await page.click('[data-testid="range-apply"]');
  await absoluteRequest;
  await waitForAllPanels(page, ['ready', 'empty']);
  check(await page.isDisabled('[data-testid="live-switch"]'), 'the live switch stays enabled for an absolute range');
  check((await page.getAttribute('[data-testid="live-status"]', 'data-status')) === 'off', 'an absolute range still shows live');
  passed('an absolute range refetches and turns live off', { from: fromText });

  await page.click('[data-testid="range-15m"]');
  await waitForAllPanels(page, ['ready']);
  await page.waitForSelector('[data-testid="live-status"][data-status="live"]', { timeout: READY_MS });
}

async function firstTimeseries(page) {
  return page.$eval('[data-testid^="panel-"][data-type="timeseries"]', (p) => p.dataset.testid);
}

async function checkRecoversFromKill(page, pid) {
  await page.evaluate(() => (window.__sameDocument = true));
  process.kill(pid, 'SIGKILL');
  const killedAt = Date.now();
  await page.waitForSelector('[data-testid="live-status"][data-status="reconnecting"]', { timeout: 20_000 }).catch(() => {
    throw new CheckFailed(`the page did not say "reconnecting" within 20 s of killing the query process ${pid}`);
  });
  const badge = await page.textContent('[data-testid="live-status"]');
  check(/Reconnecting/.test(badge ?? ''), `the reconnecting badge reads "${badge}"`);
  await page.waitForSelector('[data-testid="live-status"][data-status="live"]', { timeout: RECOVER_MS }).catch(() => {
    throw new CheckFailed(`the page was not live again within ${RECOVER_MS / 1000} s of killing the query process`);
  });
  await waitForChange(page, await firstTimeseries(page), 15_000, 'no live update after the query process came back');
  check(await page.evaluate(() => window.__sameDocument === true), 'the page reloaded to recover');
  passed('"reconnecting" after the query process is killed, then live again without a reload', {
    recoveredAfterMs: Date.now() - killedAt,
  });
}

async function checkPanelTypes(page, dashboard, requested) {
  // stat: the first measure's newest value, with the panel's second measure underneath
  const stat = await page.textContent('[data-testid="panel-orders"] [data-testid="stat-value"]');
  check(stat !== null && /\d/.test(stat), `the stat panel shows no number ("${stat}")`);
  const change = await page.textContent('[data-testid="panel-orders"] [data-testid="stat-change"]');
  check(/vs previous period|no previous period/.test(change ?? ''), `the stat panel shows no change text ("${change}")`);
  const secondary = await page.textContent('[data-testid="panel-orders"] [data-testid="stat-secondary"]').catch(() => null);
  check(/revenue/.test(secondary ?? '') && /\d/.test(secondary ?? ''), `the stat panel does not show its second measure ("${secondary}")`);

  // bar: the server keeps the top `limit` countries and folds the rest into one "other" series, drawn last
  const limit = 2;
  const bars = await page.$$eval('[data-testid="panel-revenue-top"] [data-testid="bar"]', (rows) =>
    rows.map((row) => ({ name: row.querySelector('.bars__name')?.textContent ?? '', value: Number(row.dataset.value), other: row.dataset.other === 'true' })),
  );
  const series = await page.evaluate(() => window.__pulseboardPanels['revenue-top'].data.series);
  const named = series.filter((s) => !s.other);
  check(named.length <= limit, `the server sent ${named.length} countries for a panel with limit ${limit}`);
  check(series.some((s) => s.other), 'the server sent no "other" series for 7 countries and limit 2');
  check(bars.length === named.length + 1, `${named.length} countries and "other" gave ${bars.length} bars`);
  check(bars[bars.length - 1].other && bars[bars.length - 1].name === 'other', `the last bar is "${bars[bars.length - 1]?.name}", not "other"`);
  check(bars.slice(0, -1).every((bar, i) => i === 0 || bars[i - 1].value >= bar.value), 'the top bars are not largest first');

  check(
    (await page.getAttribute('[data-testid="panel-platform-area"] [data-testid="stack-toggle"]', 'aria-pressed')) === 'true',
    'a grouped time series is not stacked by default',
  );
  const rows = await page.locator('[data-testid="panel-platform-table"] [data-testid="table-row"]').count();
  const buckets = await page.evaluate(
    () => new Set(window.__pulseboardPanels['platform-table'].data.series.flatMap((s) => s.points.map(([t]) => t))).size,
  );
  check(rows === Math.min(buckets, 200), `the table has ${rows} rows for ${buckets} buckets`);

  // an invalid panel: an error card with the operator's message, and the page never asked for its data
  const problem = await page.textContent('[data-testid="panel-broken"] [data-testid="problem-card"]').catch(() => null);
  check(/refunds/.test(problem ?? ''), `the invalid panel shows no problem naming the measure ("${problem}")`);
  check(!requested.some((r) => r.panel === 'broken'), 'the page requested the data of the invalid panel');

  // a range override: badge "last 24h", and the picker does not reload it
  const badge = await page.textContent('[data-testid="panel-day"] [data-testid="range-override"]').catch(() => null);
  check(/last 24h/.test(badge ?? ''), `the panel with range 24h shows no override badge ("${badge}")`);
  const before = requested.length;
  await page.click('[data-testid="range-1h"]');
  await waitForAllPanels(page, ['ready', 'invalid']);
  const reloaded = requested.slice(before);
  check(reloaded.some((r) => r.panel === 'platform-area' && r.to - r.from === HOUR), 'choosing 1h did not reload a panel that follows the page');
  check(!reloaded.some((r) => r.panel === 'day'), 'choosing 1h reloaded the panel with its own 24h range');
  const span = await page.$eval('[data-testid="panel-day"] [data-testid="chart"]', (c) => Number(c.dataset.xMax) - Number(c.dataset.xMin));
  check(span >= 24 * HOUR - 60_000, `with 1h picked, the 24h panel's x axis spans ${span} ms`);
  await page.click('[data-testid="range-15m"]');
  await waitForAllPanels(page, ['ready', 'invalid']);
  passed('stat with two measures, server top-N with "other", stacked area, table, invalid panel card, range override', {
    stat,
    secondary,
    bars: bars.map((b) => b.name),
    rows,
    problem,
    badge,
  });
}

async function checkFreshness(page) {
  const badge = page.locator('[data-testid="freshness"]');
  await page.waitForSelector('[data-testid="freshness"][data-state="fresh"]', { timeout: 20_000 }).catch(async () => {
    throw new CheckFailed(`the freshness badge does not say fresh for the live demo stream: ${await badge.getAttribute('data-state')} "${await badge.textContent()}"`);
  });
  const text = await badge.textContent();
  check(/Fresh/.test(text ?? ''), `the fresh badge reads "${text}"`);
  passed('the freshness badge says fresh for the live demo stream', { text, detail: await badge.getAttribute('title') });
}

/**
 * A variable narrows every panel it applies to: pick a value in its (labelled) selector; the URL carries it,
 * each affected panel is fetched again with var.<name> and resubscribed live with vars, the others are not
 * fetched again, and each panel then equals the REST API for that value (grouped by the variable's dimension:
 * that value's series only) and has less than without it. A reload keeps the pick; All undoes it.
 */
async function checkVariableNarrows(page, dashboard, sent, requested) {
  const spec = await (await page.request.get(`${dashboard.base}/api/v1/dashboards/${encodeURIComponent(dashboard.name)}`)).json();
  const variable = (spec.variables ?? [])[0];
  check(variable, `${dashboard.name} has no variable`);
  const valid = spec.panels.filter((p) => !p.problem);
  const affected = valid.filter((p) => (p.variables ?? []).includes(variable.name)).map((p) => p.id);
  const unaffected = valid.filter((p) => !(p.variables ?? []).includes(variable.name)).map((p) => p.id);
  check(affected.length > 0, `no panel of ${dashboard.name} uses the variable ${variable.name}`);

  // Found by its visible label: the selector is labelled for screen readers too.
  const select = page.getByLabel(variable.label || variable.name, { exact: true });
  check((await select.getAttribute('data-testid')) === `var-${variable.name}`, `no selector labelled "${variable.label || variable.name}"`);
  await page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`)?.options.length > 1, `var-${variable.name}`, { timeout: 15_000 })
    .catch(() => {
      throw new CheckFailed(`the ${variable.name} selector lists no value from the data`);
    });
  const options = await select.locator('option').allTextContents();
  check(options[0] === 'All', `the first option is "${options[0]}", not All`);
  const value = options.includes('de') ? 'de' : options[1];

  const totalsBefore = await panelTotals(page, affected);
  const requestsBefore = requested.length;
  const framesBefore = sent.length;
  await select.focus();
  await select.selectOption(value);
  await page.waitForFunction(([name, value]) => new URLSearchParams(location.search).get(`var.${name}`) === value, [variable.name, value]);
  await waitForAllPanels(page, ['ready', 'empty', 'invalid']);
  await page.waitForSelector('[data-testid="live-status"][data-status="live"]', { timeout: READY_MS });
  // The sent frames are recorded in this process, not the page: poll them here.
  await waitUntil(() => affected.every((id) => sent.slice(framesBefore).some((m) => m.type === 'subscribe' && m.panel === id && m.vars?.[variable.name] === value)), 10_000);
  const fetched = requested.slice(requestsBefore);
  for (const id of affected) {
    check(fetched.some((r) => r.panel === id && r.vars[variable.name] === value), `${id} was not fetched again with var.${variable.name}=${value}`);
  }
  for (const id of unaffected) check(!fetched.some((r) => r.panel === id), `${id}, which ${variable.name} does not apply to, was fetched again`);
  const subscribed = sent.slice(framesBefore).filter((m) => m.type === 'subscribe');
  for (const id of affected) {
    check(subscribed.some((m) => m.panel === id && m.vars?.[variable.name] === value), `${id} was not resubscribed live with vars.${variable.name}=${value}`);
  }

  // Only matching data: grouped by the variable's dimension, only that value's series; less than before; as REST.
  const dimension = variable.dimension;
  const shownGroups = await page.evaluate(
    ({ ids, dimension }) =>
      Object.fromEntries(ids.map((id) => [id, [...new Set((window.__pulseboardPanels[id]?.data?.series ?? []).map((s) => s.labels[dimension]).filter((v) => v !== undefined))]])),
    { ids: affected, dimension },
  );
  for (const [id, groups] of Object.entries(shownGroups)) {
    check(groups.every((g) => g === value), `${id} shows ${dimension} ${groups.join(', ')} with ${variable.name}=${value}`);
  }
  const totalsAfter = await panelTotals(page, affected);
  const narrowed = affected.filter((id) => totalsAfter[id] < totalsBefore[id]);
  check(narrowed.length > 0, `no panel shows less with ${variable.name}=${value}: before ${JSON.stringify(totalsBefore)}, after ${JSON.stringify(totalsAfter)}`);
  await checkPointsMatchRest(page, dashboard, `${variable.name}=${value}`, { [variable.name]: value });

  // The pick lives in the URL: a reload shows it again; All removes it.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await waitForAllPanels(page, ['ready', 'empty', 'invalid']);
  check((await select.inputValue()) === value, `after a reload the selector shows "${await select.inputValue()}", not ${value}`);
  const beforeAll = requested.length;
  await select.selectOption({ label: 'All' });
  await page.waitForFunction((name) => !new URLSearchParams(location.search).has(`var.${name}`), variable.name);
  await waitForAllPanels(page, ['ready', 'invalid']);
  const unnarrowed = requested.slice(beforeAll);
  for (const id of affected) check(unnarrowed.some((r) => r.panel === id && !(variable.name in r.vars)), `${id} was not fetched again without ${variable.name}`);
  passed('a variable narrows every affected panel', { variable: variable.name, value, affected, unaffected, before: totalsBefore, after: totalsAfter });
}

/**
 * A panel with a top-N `limit` keeps showing at most that many groups per measure (plus "other") while live
 * deltas arrive, not only in its snapshot: a delta must not bring in a group the snapshot folded into "other".
 */
async function checkLimitsHoldWhileLive(page, dashboard) {
  const spec = await (await page.request.get(`${dashboard.base}/api/v1/dashboards/${encodeURIComponent(dashboard.name)}`)).json();
  const limited = spec.panels.filter((p) => !p.problem && (p.groupBy ?? []).length > 0 && typeof p.limit === 'number');
  check(limited.length > 0, `${dashboard.name} has no panel with a limit`);
  await page.waitForSelector('[data-testid="live-status"][data-status="live"]', { timeout: READY_MS });
  await page.waitForTimeout(12_000); // a dozen live ticks
  const shown = await page.evaluate(
    (ids) =>
      Object.fromEntries(
        ids.map((id) => {
          const perMeasure = {};
          for (const s of window.__pulseboardPanels[id]?.data?.series ?? []) {
            if (s.other) continue;
            const groups = (perMeasure[s.measure ?? ''] ??= []);
            groups.push(Object.values(s.labels).join('/'));
          }
          return [id, perMeasure];
        }),
      ),
    limited.map((p) => p.id),
  );
  for (const panel of limited) {
    for (const [measure, groups] of Object.entries(shown[panel.id])) {
      check(groups.length <= panel.limit, `after 12 s live, ${panel.id} shows ${groups.length} ${measure} groups (${groups.join(', ')}) for limit ${panel.limit}`);
    }
  }
  passed('panels with a limit keep at most that many groups while live', { shown });
}

/** The sum of all points each panel shows (its data-sum). */
async function panelTotals(page, ids) {
  return page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, Number(document.querySelector(`[data-testid="panel-${id}"]`)?.dataset.sum)])), ids);
}

async function waitUntil(condition, timeout) {
  const deadline = Date.now() + timeout;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function screenshotsInBothThemes(page, dashboard, dir, first, states = ['ready']) {
  for (const theme of [first, first === 'dark' ? 'light' : 'dark']) {
    if ((await page.getAttribute('html', 'data-theme')) !== theme) await page.click('[data-testid="theme-toggle"]');
    await page.waitForFunction((theme) => document.documentElement.dataset.theme === theme, theme);
    await waitForAllPanels(page, states);
    await page.evaluate(() => document.activeElement?.blur()); // no focus ring left over from the keyboard checks
    await page.waitForTimeout(500); // one more live tick drawn
    const path = join(dir, `${dashboard.name}-${theme}.png`);
    await page.screenshot({ path, fullPage: true });
    result.screenshots.push(path);
  }
}

/** Playwright errors carry a multi-line call log with colour codes; the first line says what failed. */
function firstLine(error) {
  const text = String(error?.message ?? error).replace(/\u001b\[[0-9;]*m/g, '');
  return `${error?.name ?? 'Error'}: ${text.split('\n')[0]}`;
}

process.exitCode = await main(process.argv.slice(2));
