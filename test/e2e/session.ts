import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium, startHost } from './browser';

/** A page of the local CRM page under test: its own context, the page, and every error it threw. */
export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
}

/** What a test asks the host to show. */
export interface OpenRequest {
  /** The account the emulator is reset to before the page loads (what an earlier test wrote is gone). */
  seed: 'messy' | 'fresh' | 'clean';
  /** The page's query (`user`, `lang`, `theme`, …). */
  query: Record<string, string>;
  viewport: { width: number; height: number };
  /** Runs after the reset, before the page loads: the test's own change to the account. */
  prepare?: () => void;
}

/**
 * Chromium and `npm start`'s server for one test file: started before its tests, stopped after them, and a
 * new browser context per page opened, closed after each test. `open` loads the panel with no baseline
 * saved in the widget's settings and waits until its first audit is done, so each test starts where an
 * admin would.
 */
export function browserSession(seed: OpenRequest['seed'] = 'messy') {
  let browser: Browser | undefined;
  let env: Awaited<ReturnType<typeof startHost>> | undefined;
  let opened: OpenedPage | null = null;
  beforeAll(async () => {
    browser = await launchChromium();
    env = await startHost(seed);
  });
  afterAll(async () => {
    await browser?.close();
    await env?.host.close();
  });
  afterEach(async () => {
    await opened?.context.close();
    opened = null;
  });
  const host = () => {
    if (!env) throw new Error('the host is not started yet (use it inside a test or a hook)');
    return env;
  };
  return {
    /** The running host: its URL and its server (whose emulator tests read and change). */
    get env() {
      return host();
    },
    async open(r: OpenRequest, options: BrowserContextOptions = {}): Promise<OpenedPage> {
      const { url, host: server } = host();
      server.emulator.reset(r.seed);
      r.prepare?.();
      await fetch(new URL('/__host/settings', url), { method: 'POST', body: JSON.stringify({ baseline: '' }) });
      const context = await browser!.newContext({ ...options, viewport: r.viewport });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      opened = { context, page, pageErrors };
      await page.goto(`${url}?${new URLSearchParams(r.query)}`);
      await page.waitForSelector('[data-score]', { timeout: 30_000 });
      await page.waitForSelector('[data-action="rerun"]:not([disabled])', { timeout: 30_000 });
      return opened;
    },
  };
}
