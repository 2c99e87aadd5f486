/**
 * The panel on the local CRM page in Chromium, as an admin meets it: the page height of `messy` at
 * 1400×1000 until anything is opened, and on `large` the time to the first results on screen, to the final
 * score, and after a reload the time until a report is shown again, and how the data scan's "about N left" (from the
 * counts kept with the first run's report) compares with the time it then took. Figures only: nothing here fails on time.
 */
import { existsSync } from 'node:fs';
import { launchChromium, startHost } from '../../test/e2e/browser';
import { CHROMIUM } from './panel';

/** What the panel on the host page measured. */
export interface PanelHostFigures {
  messyHeightPx: number;
  messyTilesInFirstScreen: number;
  largeFirstResultsMs: number;
  largeFinalMs: number;
  largeFinalScore: number | null;
  largeReloadToReportMs: number;
  /** True when the report shown after the reload was the kept one (marked "refreshing…"), not a new audit. */
  largeReloadShowedKept: boolean;
  /** The next visit's first time-left estimate from the kept counts, s (null: none was shown). */
  largeEstimateS: number | null;
  /** How long the audit then actually took from that moment to its final score, s. */
  largeActualLeftS: number | null;
}

/** Measures the panel on the host page, or says why it was skipped. */
export async function panelOnHost(): Promise<PanelHostFigures | { skipped: string }> {
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} not found` };
  const { host, url } = await startHost('messy');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${url}?seed=messy&user=admin&lang=en&theme=light`);
    await page.waitForSelector('[data-action="rerun"]:not([disabled])', { timeout: 120_000 });
    const messy = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      tiles: [...document.querySelectorAll('[data-area-score]')].filter((t) => t.getBoundingClientRect().bottom <= 1000)
        .length,
    }));

    // A fresh browser profile: the demo seeds share an account id, so messy's kept report must not count
    // as large's first results.
    await page.close();
    const large = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page2 = await large.newPage();
    const started = Date.now();
    await page2.goto(`${url}?seed=large&user=admin&lang=en&theme=light`);
    await page2.waitForSelector('[data-area-score]', { timeout: 300_000 });
    const firstResults = Date.now() - started;
    await page2.waitForSelector('[data-action="rerun"]:not([disabled])', { timeout: 300_000 });
    const final = Date.now() - started;
    const score = await page2.locator('[data-score]').getAttribute('data-score');

    const reloaded = Date.now();
    await page2.reload();
    await page2.waitForSelector('[data-area-score]', { timeout: 300_000 });
    const reloadMs = Date.now() - reloaded;
    const kept = (await page2.locator('[data-role="refreshing"]').count()) > 0;
    // The first estimate that rests on the kept counts, and when it was read.
    const estimate = await page2
      .waitForSelector('[data-role="time-left"][data-basis="previous"][data-seconds-left]', { timeout: 60_000 })
      .then(async (el) => ({ s: Number(await el.getAttribute('data-seconds-left')), at: Date.now() }))
      .catch(() => null);
    // Let the refreshing audit finish before the page closes, so the emulator is idle for what follows.
    await page2.waitForSelector('[data-action="rerun"]:not([disabled])', { timeout: 300_000 });
    const refreshed = Date.now();
    return {
      messyHeightPx: messy.height,
      messyTilesInFirstScreen: messy.tiles,
      largeFirstResultsMs: firstResults,
      largeFinalMs: final,
      largeFinalScore: score === null || score === '' ? null : Number(score),
      largeReloadToReportMs: reloadMs,
      largeReloadShowedKept: kept,
      largeEstimateS: estimate?.s ?? null,
      largeActualLeftS: estimate ? Math.round((refreshed - estimate.at) / 100) / 10 : null,
    };
  } finally {
    await browser.close();
    await host.close();
  }
}
