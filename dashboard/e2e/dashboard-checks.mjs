#!/usr/bin/env node
// Browser checks of the dashboard page against a running local mode, for the whole-stack E2E test.
//
// Usage: node e2e/dashboard-checks.mjs <queryServiceUrl> <panelTypesUrl> <queryPid> <screenshotDir>
//
// <queryServiceUrl> serves the quickstart dashboard (its query process has PID <queryPid>);
// <panelTypesUrl> serves a dashboard with stat, bar, timeseries (grouped) and table panels. In one
// headless Debian chromium (/usr/bin/chromium or $PULSEBOARD_CHROMIUM, driven by playwright-core) it checks,
// in order, what a user would notice:
//   1. every panel of the quickstart dashboard shows data, and a live update reaches a chart within 3 s;
//   2. a preset range refetches every panel over REST and resubscribes live with the new rangeMs, and the
//      charts' x axes span it;
//      keyboard: Enter on a preset picks it; an absolute range refetches and switches live off;
//   3. after SIGKILL of the query process the page says "reconnecting", then is live again and updating,
//      without a reload (the local runner restarts the process; pass a URL that stays the same, see LocalModeE2E);
//   4. each panel's points equal the REST API's for the same range (live paused to freeze the page): the
//      same buckets, and equal values in all but the newest two (it waits for the stream's third minute);
//   5. the panel-types dashboard: stat value, top-N bars with "other", stacked area, table rows, and its
//      points equal the REST API's too;
//   6. screenshots <screenshotDir>/<dashboard>-<dark|light>.png; dark by system preference, and the theme
//      toggle's choice survives a reload.
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

async function main([quickstartUrl, panelTypesUrl, queryPid, screenshotDir]) {
  if (!quickstartUrl || !panelTypesUrl || !queryPid || !screenshotDir) {
    console.error('usage: node e2e/dashboard-checks.mjs <queryServiceUrl> <panelTypesUrl> <queryPid> <screenshotDir>');
    return 2;
  }
  mkdirSync(screenshotDir, { recursive: true });
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
    const sent = watchSocketFrames(page);

    const quickstart = await openDashboard(page, quickstartUrl);
    await waitForAllPanels(page, ['ready']);
    check((await page.getAttribute('html', 'data-theme')) === 'dark', 'with prefers-color-scheme: dark the page is not dark');
    await checkLiveUpdate(page);
    await checkRangeChanges(page, quickstart, sent);
    await checkRecoversFromKill(page, Number(queryPid));
    await checkPointsMatchRest(page, quickstart, 'quickstart'); // last: by now the stream has settled minutes
    await screenshotsInBothThemes(page, quickstart, screenshotDir, 'dark');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForAllPanels(page, ['ready']);
    check((await page.getAttribute('html', 'data-theme')) === 'light', 'the light theme chosen by the toggle was not kept across a reload');
    passed('dark by system preference; the theme toggle persists across a reload');

    const panelTypes = await openDashboard(page, panelTypesUrl);
    await waitForAllPanels(page, ['ready']);
    await checkPanelTypes(page);
    await checkPointsMatchRest(page, panelTypes, 'panel types');
    await screenshotsInBothThemes(page, panelTypes, screenshotDir, 'dark'); // another origin: no stored choice

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
  await waitForChange(page, testId, LIVE_UPDATE_MS, `no live update reached ${testId} within ${LIVE_UPDATE_MS / 1000} s`);
  const age = await page.textContent('[data-testid="live-status"]');
  check(/updated \d+ s ago/.test(age ?? ''), `the live badge shows no freshness ("${age}")`);
  passed('live update within 3 s', { panel: testId, badge: age });
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
async function checkPointsMatchRest(page, dashboard, label) {
  // Values are compared only in buckets that no longer change, so wait for a fresh stack's third minute.
  await page
    .waitForFunction(
      ({ ids, buckets }) =>
        ids.every((id) => {
          const series = window.__pulseboardPanels?.[id]?.data?.series ?? [];
          return new Set(series.flatMap((s) => s.points.map(([t]) => t))).size >= buckets;
        }),
      {
        ids: await page.$$eval('[data-testid^="panel-"]', (panels) => panels.map((p) => p.dataset.testid.slice('panel-'.length))),
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
    ({ problems, compared } = await page.evaluate(compareWithRest, dashboard.name));
    if (problems.length === 0) break;
    await setLive(page, true);
    await page.waitForTimeout(2_000);
  }
  check(problems.length === 0, `${label}: the page's points differ from the REST API: ${problems.slice(0, 3).join('; ')}`);
  await setLive(page, true);
  await waitForAllPanels(page, ['ready']);
  passed(`${label}: every panel's points equal the REST API's`, { compared });
}

/** Runs in the page: reads what each panel shows (window.__pulseboardPanels) and fetches REST for the same range. */
async function compareWithRest(dashboardName) {
  const key = (labels) =>
    Object.keys(labels)
      .sort()
      .map((k) => `${k}=${labels[k]}`)
      .join(',');
  const shown = window.__pulseboardPanels ?? {};
  const problems = [];
  const compared = {};
  for (const panel of document.querySelectorAll('[data-testid^="panel-"]')) {
    const id = panel.dataset.testid.slice('panel-'.length);
    const data = shown[id]?.data;
    if (!data) {
      problems.push(`${id}: shows no data`);
      continue;
    }
    const times = [...new Set(data.series.flatMap((s) => s.points.map(([t]) => t)))].sort((a, b) => a - b);
    const [first, last] = [times[0], times[times.length - 1]];
    const settled = times[times.length - 2] ?? -Infinity; // values before the newest two buckets are final
    const url = `/api/v1/dashboards/${encodeURIComponent(dashboardName)}/panels/${encodeURIComponent(id)}?from=${first}&to=${last + 1}&step=${data.granularity}`;
    const rest = await (await fetch(url)).json();
    const restPoints = new Map();
    for (const s of rest.series) for (const [t, v] of s.points) if (t >= first && t <= last) restPoints.set(`${key(s.labels)}@${t}`, v);
    const pagePoints = new Map();
    for (const s of data.series) for (const [t, v] of s.points) pagePoints.set(`${key(s.labels)}@${t}`, v);
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

async function checkPanelTypes(page) {
  const stat = await page.textContent('[data-testid="panel-orders"] [data-testid="stat-value"]');
  check(stat !== null && /\d/.test(stat), `the stat panel shows no number ("${stat}")`);
  const change = await page.textContent('[data-testid="panel-orders"] [data-testid="stat-change"]');
  check(/vs previous period|no previous period/.test(change ?? ''), `the stat panel shows no change text ("${change}")`);

  const bars = await page.$$eval('[data-testid="panel-revenue-top"] [data-testid="bar"]', (rows) =>
    rows.map((row) => ({ name: row.querySelector('.bars__name')?.textContent ?? '', value: Number(row.dataset.value) })),
  );
  const countries = await page.evaluate(() => window.__pulseboardPanels['revenue-top'].data.series.length);
  check(bars.length === Math.min(countries, 6), `${countries} countries gave ${bars.length} bars, expected top 5 + other`);
  if (countries > 5) check(bars[5].name.startsWith('other'), `the last bar is "${bars[5].name}", not "other"`);
  check(bars.slice(0, 5).every((bar, i) => i === 0 || bars[i - 1].value >= bar.value), 'the top bars are not largest first');

  check(
    (await page.getAttribute('[data-testid="panel-platform-area"] [data-testid="stack-toggle"]', 'aria-pressed')) === 'true',
    'a grouped time series is not stacked by default',
  );
  const rows = await page.locator('[data-testid="panel-platform-table"] [data-testid="table-row"]').count();
  const buckets = await page.evaluate(
    () => new Set(window.__pulseboardPanels['platform-table'].data.series.flatMap((s) => s.points.map(([t]) => t))).size,
  );
  check(rows === Math.min(buckets, 200), `the table has ${rows} rows for ${buckets} buckets`);
  passed('stat, top-N bar with other, stacked area and table panels render', { stat, change, bars: bars.length, rows });
}

async function screenshotsInBothThemes(page, dashboard, dir, first) {
  for (const theme of [first, first === 'dark' ? 'light' : 'dark']) {
    if ((await page.getAttribute('html', 'data-theme')) !== theme) await page.click('[data-testid="theme-toggle"]');
    await page.waitForFunction((theme) => document.documentElement.dataset.theme === theme, theme);
    await waitForAllPanels(page, ['ready']);
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
