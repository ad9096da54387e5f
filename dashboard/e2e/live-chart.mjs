#!/usr/bin/env node
// Browser check that a dashboard chart updates live, for the whole-stack E2E test.
//
// Usage: node e2e/live-chart.mjs <dashboardUrl> <screenshotPath>
//
// Opens the URL in headless Debian chromium (/usr/bin/chromium, or $PULSEBOARD_CHROMIUM) through
// playwright-core; on the dashboard list it follows the first dashboard. It waits for a panel whose
// data-points > 0, records its data-points and data-last, and waits up to 10 s for either to change.
// It saves a screenshot (also on failure, when the page got that far) and prints one JSON line:
//   {"ok":true,"url":...,"panel":"panel-<id>","before":{"points":N,"last":"V"},"after":{...},"liveStatus":"live"}
// Exit 0 on success; 1 when the page never showed data or the data did not change (the JSON line has
// ok:false and "error", stderr says why); 2 on bad usage.
import { mkdtempSync, rmSync } from 'node:fs';
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
const PAGE_LOAD_MS = 30_000;
const FIRST_DATA_MS = 30_000;
const CHANGE_MS = 10_000;
const PANEL_WITH_DATA = '[data-testid^="panel-"][data-points]';

class CheckFailed extends Error {}

async function main([url, screenshotPath]) {
  if (!url || !screenshotPath) {
    console.error('usage: node e2e/live-chart.mjs <dashboardUrl> <screenshotPath>');
    return 2;
  }
  // A fresh profile each run: no cache, cookies or service workers from an earlier run.
  const profile = mkdtempSync(join(tmpdir(), 'pulseboard-chromium-'));
  const pageErrors = [];
  let context;
  let page;
  const result = { ok: false, url };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 800 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });

    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: PAGE_LOAD_MS });
    await openFirstDashboardIfOnList(page);

    const panel = await waitForPanelWithData(page);
    result.panel = panel;
    result.before = await readPanel(page, panel);
    result.after = await waitForChange(page, panel, result.before);
    result.liveStatus = await page.getAttribute('[data-testid="live-status"]', 'data-status').catch(() => null);
    result.ok = true;
  } catch (error) {
    result.error = error instanceof CheckFailed ? error.message : firstLine(error);
    if (page) result.alerts = await alertsOn(page);
    if (pageErrors.length > 0) result.pageErrors = pageErrors.slice(0, 5);
  } finally {
    if (page) {
      await page.screenshot({ path: screenshotPath, fullPage: true }).then(
        () => (result.screenshot = screenshotPath),
        () => undefined,
      );
    }
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(JSON.stringify(result));
  if (!result.ok) console.error(`live-chart check failed: ${result.error}`);
  return result.ok ? 0 : 1;
}

/** Playwright errors carry a multi-line call log with colour codes; the first line says what failed. */
function firstLine(error) {
  const text = String(error?.message ?? error).replace(/\u001b\[[0-9;]*m/g, '');
  return `${error?.name ?? 'Error'}: ${text.split('\n')[0]}`;
}

/** What the page itself reported (failed loads, server errors), to tell a UI fault from a backend one. */
async function alertsOn(page) {
  return page
    .locator('[role="alert"]')
    .allInnerTexts()
    .catch(() => []);
}

/** The list page links to dashboards; a dashboard page has panels. Whichever shows first decides. */
async function openFirstDashboardIfOnList(page) {
  const link = page.locator('[data-testid="dashboard-link"]').first();
  const panel = page.locator('[data-testid^="panel-"]').first();
  try {
    await link.or(panel).first().waitFor({ state: 'visible', timeout: PAGE_LOAD_MS });
  } catch {
    throw new CheckFailed(`neither a dashboard link nor a panel appeared within ${PAGE_LOAD_MS / 1000} s at ${page.url()}`);
  }
  if (await link.isVisible()) {
    await link.click();
    await page.waitForURL(/\/d\/[^/]+\/?$/, { timeout: PAGE_LOAD_MS });
  }
}

/** Returns the data-testid of the first panel whose chart has points. */
async function waitForPanelWithData(page) {
  try {
    const handle = await page.waitForFunction(
      (selector) => {
        const panel = [...document.querySelectorAll(selector)].find((el) => Number(el.getAttribute('data-points')) > 0);
        return panel ? panel.getAttribute('data-testid') : null;
      },
      PANEL_WITH_DATA,
      { timeout: FIRST_DATA_MS },
    );
    return await handle.jsonValue();
  } catch {
    throw new CheckFailed(`no panel showed data (data-points > 0) within ${FIRST_DATA_MS / 1000} s at ${page.url()}`);
  }
}

async function readPanel(page, testId) {
  const panel = page.locator(`[data-testid="${testId}"]`);
  return {
    points: Number(await panel.getAttribute('data-points')),
    last: await panel.getAttribute('data-last'),
  };
}

async function waitForChange(page, testId, before) {
  try {
    await page.waitForFunction(
      ({ testId, before }) => {
        const panel = document.querySelector(`[data-testid="${testId}"]`);
        if (!panel) return false;
        return Number(panel.getAttribute('data-points')) !== before.points || panel.getAttribute('data-last') !== before.last;
      },
      { testId, before },
      { timeout: CHANGE_MS },
    );
  } catch {
    throw new CheckFailed(
      `${testId} did not change within ${CHANGE_MS / 1000} s (points=${before.points}, last=${before.last}): no live update reached the chart`,
    );
  }
  return readPanel(page, testId);
}

process.exitCode = await main(process.argv.slice(2));
