import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { dictionaryFor } from '../../src/cli/dict';
import { buildConfigurationDocument } from '../../src/export/document';
import { createTranslator } from '../../src/i18n/translate';
import { auditSnapshot } from '../../src/runner/audit';
import { blueprintAccount } from '../blueprint/harness';
import { touchedState } from '../fix/harness';
import { launchChromium, startHost } from './browser';

// "Apply a configuration document" in real Chromium on the local CRM page (`npm start`'s page): the clean
// account's document applied to fresh with progress, the blueprint-* results, undo; a sign-off kept by the
// settings modal's Save, then drift after a change made over the emulator's HTTP API; no section for a manager.
let browser: Browser;
let env: Awaited<ReturnType<typeof startHost>>;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let cleanXlsx: Buffer;

beforeAll(async () => {
  // The clean account's configuration document, exactly as the panel (and `capture --out x.xlsx`) writes it.
  const account = blueprintAccount('clean');
  const snapshot = await account.gatherAll();
  const settings = { baseline: defaultBaseline(), lang: 'en' as const, dict: dictionaryFor('en') };
  const t = createTranslator(settings.dict, 'en');
  cleanXlsx = Buffer.from(
    await buildConfigurationDocument({ report: auditSnapshot(snapshot, settings), snapshot, lang: 'en', t }),
  );
  browser = await launchChromium();
  env = await startHost('fresh');
});
afterAll(async () => {
  await browser?.close();
  await env?.host.close();
});
beforeEach(async () => {
  await fetch(new URL('/__host/settings', env.url), { method: 'POST', body: JSON.stringify({ baseline: '' }) });
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location().url)) pageErrors.push(m.text());
  });
});
afterEach(async () => {
  await context?.close();
});

async function open(seed: 'fresh' | 'clean', user = 'admin'): Promise<void> {
  env.host.emulator.reset(seed);
  await page.goto(`${env.url}?seed=${seed}&user=${user}&lang=en`);
  await waitReady();
}

async function waitReady(): Promise<void> {
  await page.waitForSelector('[data-score]', { timeout: 30_000 });
  await page.waitForSelector('[data-action="rerun"]:not([disabled])', { timeout: 30_000 });
}

const result = (ruleId: string) => page.locator(`.sa-areas [data-rule-id="${ruleId}"]`);
const section = () => page.locator('[data-section="apply-document"]');

async function chooseClean(): Promise<void> {
  await section().locator('[data-action="toggle-document"]').click();
  await section()
    .locator('[data-action="choose-document"]')
    .setInputFiles({ name: 'clean.xlsx', mimeType: 'application/octet-stream', buffer: cleanXlsx });
  await section().locator('[data-role="document-total"]').waitFor({ timeout: 30_000 });
}

describe('a configuration document in the panel (Chromium)', () => {
  it('on fresh: the clean document’s plan with counts, apply with progress, passing blueprint results, undo restores', async () => {
    await open('fresh');
    const original = touchedState(env.host.emulator);
    await chooseClean();
    const total = Number(await section().locator('[data-role="document-total"]').getAttribute('data-count'));
    expect(total).toBeGreaterThan(10);
    const counts = await section()
      .locator('[data-role="document-plan"] section[data-section]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-section'), Number(e.getAttribute('data-count'))]));
    // Pipelines first, so every new field carries its required stages in its POST (no required-section op).
    expect(counts.map(([s]) => s)).toEqual(['pipelines', 'fields', 'loss-reasons', 'roles']);
    expect(counts.reduce((n, [, c]) => n + Number(c), 0)).toBe(total);
    expect(await section().locator('[data-section="fields"] .sa-op__summary').first().innerText()).toMatch(
      /^Create field «.+» \(/,
    );

    await section().locator('[data-action="apply-document"]').click();
    await section().locator('[data-action="confirm-document"]').click();
    // The client keeps below 7 requests a second: the progress is on screen while the ops go out.
    await section().locator('[data-role="document-progress"]').waitFor({ timeout: 30_000 });
    expect(await section().locator('[data-role="document-progress"]').innerText()).toMatch(/^Applying: \d+ of \d+$/);
    const outcome = section().locator('[data-role="document-outcome"]');
    await outcome.waitFor({ timeout: 60_000 });
    expect(await outcome.getAttribute('data-status')).toBe('done');
    expect(await outcome.innerText()).toContain(`Applied: ${total}, failed: 0, not attempted: 0`);
    for (const id of ['blueprint-fields', 'blueprint-required', 'blueprint-roles', 'blueprint-loss-reasons']) {
      expect(await result(id).getAttribute('data-outcome'), id).toBe('pass');
    }
    // 142's name is renamed by hand only (the API does not edit system stages): the one difference left.
    expect(await result('blueprint-pipelines').getAttribute('data-outcome')).toBe('fail');
    expect(touchedState(env.host.emulator)).not.toBe(original);

    await page.locator('[data-action="undo-batch"]').click();
    await page.locator('[data-action="confirm-undo-batch"]').click();
    await expect.poll(() => result('blueprint-fields').getAttribute('data-outcome'), { timeout: 60_000 }).toBe('fail');
    expect(touchedState(env.host.emulator)).toBe(original);
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
  }, 180_000);

  it('sign-off: kept by the settings modal’s Save; a change over the HTTP API then shows as drift', async () => {
    await open('clean');
    await chooseClean();
    await section().locator('[data-action="sign-off"]').click();
    await expect.poll(() => section().locator('[data-role="sign-off-staged"]').innerText()).toMatch(/press Save/);

    await page.click('#host-settings');
    const current = page.locator('#host-modal [data-role="sign-off-current"]');
    await expect.poll(() => current.getAttribute('data-state')).toBe('staged');
    await Promise.all([page.waitForEvent('load'), page.click('#host-settings-save')]);
    await waitReady();
    const standing = page.locator('[data-role="document-standing"]');
    await expect.poll(() => standing.getAttribute('data-drift'), { timeout: 30_000 }).toBe('0');
    expect(await standing.innerText()).toMatch(/^No drift: the account matches the set-up signed off on .+ by .+\.$/);

    // Someone renames the main pipeline through the API after the sign-off.
    const main = env.host.emulator.store.pipelines.find((p) => p.is_main)!;
    const rename = () =>
      fetch(new URL(`/api/v4/leads/pipelines/${main.id}`, env.url), {
        method: 'PATCH',
        headers: { authorization: 'Bearer dev-token', 'content-type': 'application/json' },
        // The whole pipeline, as the official client sends it: the emulator's PATCH replaces what is left out.
        body: JSON.stringify({
          name: 'Renamed after the sign-off',
          sort: main.sort,
          is_main: true,
          is_unsorted_on: main.is_unsorted_on,
        }),
      });
    // The page may still be reading (its data scan) in this second: the account's 7-per-second limit is shared, so
    // like any client this one waits Retry-After on a 429 and asks again.
    let renamed = await rename();
    for (let attempt = 1; renamed.status === 429 && attempt < 10; attempt++) {
      await new Promise((r) => setTimeout(r, 1000 * Number(renamed.headers.get('retry-after') ?? 1)));
      renamed = await rename();
    }
    expect(renamed.status).toBe(200);
    // That request counted in the emulator's 7-per-second window; the page's next audit starts in a fresh one.
    await new Promise((r) => setTimeout(r, 1100));
    await page.click('[data-action="rerun"]');
    await expect.poll(() => standing.getAttribute('data-drift'), { timeout: 30_000 }).toBe('1');
    expect(await standing.innerText()).toMatch(/^Drift from the set-up signed off on .+: 1 difference/);
    expect(await result('blueprint-pipelines').getAttribute('data-outcome')).toBe('fail');
    expect(await result('blueprint-pipelines').innerText()).toMatch(
      /drifted from the set-up signed off on \d{4}-\d\d-\d\d by /,
    );
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
  }, 120_000);

  it('a manager sees no apply section', async () => {
    await open('clean', 'manager');
    expect(await page.locator('[data-role="why-no-fix"]').count()).toBe(1);
    expect(await page.locator('[data-section="preflight"]').count()).toBe(1);
    expect(await section().count()).toBe(0);
    expect(await page.locator('[data-action="choose-document"]').count()).toBe(0);
  });
});
