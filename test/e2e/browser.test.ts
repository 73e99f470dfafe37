/**
 * report.html in a real browser: Debian's Chromium, headless, opens the file from disk
 * with the network disabled; the page must log no console errors, make no requests
 * beyond its own file, show one headline row per variant, and render to something
 * other than a blank page. Skipped (with the reason) when Chromium is not installed.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { writeReports } from '../../src/report/index.ts';
import { stampedeResult } from '../report/fixtures.ts';
import { pngStats } from '../report/png.ts';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`browser test skipped: ${CHROMIUM} not found (.ci/run installs Debian's chromium)`);

describe.skipIf(!available)('report.html in headless Chromium', () => {
  let browser: BrowserContext;
  let dir: string;
  let profile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cachesim-browser-'));
    profile = mkdtempSync(join(tmpdir(), 'cachesim-chromium-profile-'));
    await writeReports(stampedeResult(3, { writeBehind: true }), dir, { formats: ['html', 'json', 'csv'], baseline: 'none' });
    // The fresh profile is passed as Playwright's userDataDir: it refuses --user-data-dir in args
    // and passes the directory to Chromium as exactly that flag.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  it('reportHtml_opensFromDisk_noConsoleErrorsNoRequestsAndNotBlank', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(join(dir, 'report.html')).href;
    await page.goto(url, { waitUntil: 'load' });

    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.locator('table.headline tbody tr').count()).toBe(2);
    expect(await page.locator('figure svg').count()).toBeGreaterThanOrEqual(5);
    // Inline SVGs really laid out (not collapsed to 0×0 by CSS).
    const box = await page.locator('#chart-database-qps svg').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);

    const shot = await page.screenshot({ fullPage: true });
    writeFileSync(join(tmpdir(), 'cachesim-report-screenshot.png'), shot);
    const stats = pngStats(shot);
    expect(stats.distinctColours).toBeGreaterThan(16);
    await page.close();
  });

  it('reportHtml_emulatedPrint_opensScenarioDetails', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    expect(await page.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.close();
  });
});
