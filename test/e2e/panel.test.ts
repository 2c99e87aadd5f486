import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startHost } from './browser';

// The panel in real Chromium, loaded by the local CRM page exactly as amoCRM loads widget/script.js.
let browser: Browser;
let env: Awaited<ReturnType<typeof startHost>>;
let page: Page;
let context: BrowserContext;
let pageErrors: string[];
let requested: string[];

const ENTRY_RULE = 'required-at-entry-stage';

async function open(query: string): Promise<void> {
  await page.goto(`${env.url}?${query}`);
  try {
    await page.waitForSelector('[data-score]', { timeout: 30_000 });
    await page.waitForSelector('[data-action="rerun"]:not([disabled])', { timeout: 30_000 });
  } catch (err) {
    // Say what the page showed instead, so a failure here can be understood from the log alone.
    const shown = await page
      .locator('body')
      .innerText()
      .catch(() => '(no page text)');
    throw new Error(
      `${(err as Error).message}\npage errors: ${pageErrors.join(' | ')}\npage text: ${shown.slice(0, 1500)}`,
    );
  }
}

function result(ruleId: string) {
  return page.locator(`[data-rule-id="${ruleId}"]`);
}

function budgetField() {
  return env.host.emulator.store.fields.leads.find((f) => f.name === 'Бюджет проекта')!;
}

beforeAll(async () => {
  browser = await launchChromium();
  env = await startHost('messy');
});
afterAll(async () => {
  await browser?.close();
  await env?.host.close();
});
beforeEach(async () => {
  env.host.emulator.reset('messy');
  await fetch(new URL('/__host/settings', env.url), { method: 'POST', body: JSON.stringify({ baseline: '' }) });
  context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  pageErrors = [];
  requested = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location().url)) pageErrors.push(m.text());
  });
});

// Each test's page must stop before the next starts: pages share the emulator's rate limit.
afterEach(async () => {
  await context?.close();
});

describe('the Setup Audit panel in Chromium', () => {
  it('appears with a score, and required-at-entry-stage fails on messy', async () => {
    await open('seed=messy&user=admin&lang=en');
    const score = Number(await page.locator('[data-score]').first().getAttribute('data-score'));
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(50);
    await expect.poll(() => result(ENTRY_RULE).getAttribute('data-outcome')).toBe('fail');
    expect(pageErrors).toEqual([]);
    // Account data never leaves the page: every request goes to the CRM's own origin.
    const origin = new URL(env.url).origin;
    expect(requested.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
    expect(requested.some((u) => u.includes('/api/v4/users'))).toBe(true);
    // The host page does not link style.css: the widget does, once.
    expect(await page.locator('link[data-setup-audit="style"]').count()).toBe(1);
    expect(requested.filter((u) => u.includes('/style.css'))).toHaveLength(1);
  });

  it('fixes required-at-entry-stage through the dialog, re-audits, and undo brings it back', async () => {
    await open('seed=messy&user=admin&lang=en');
    const before = structuredClone(budgetField().required_statuses);
    expect(before!.length).toBeGreaterThan(0);
    // The fix engine and its dialog are not part of the first paint: fixes.js loads on the first click.
    expect(requested.some((u) => u.endsWith('/fixes.js'))).toBe(false);
    await result(ENTRY_RULE).locator('[data-action="fix"]').click();
    const confirm = page.locator('[data-action="confirm-fix"]');
    await confirm.waitFor();
    // The fix moves each requirement to the next working stage (issue 11): the preview says so.
    await expect.poll(() => page.locator('.sa-dialog').innerText()).toMatch(/required at .+ instead of/);
    await confirm.click();
    await page.locator('[data-role="fix-outcome"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => result(ENTRY_RULE).getAttribute('data-outcome'), { timeout: 30_000 }).toBe('pass');
    expect(budgetField().required_statuses).not.toEqual(before);
    await page.keyboard.press('Escape');

    const undo = page.locator('[data-action="undo"]').first();
    await undo.waitFor({ timeout: 30_000 });
    await undo.click();
    await expect.poll(() => result(ENTRY_RULE).getAttribute('data-outcome'), { timeout: 30_000 }).toBe('fail');
    expect(budgetField().required_statuses).toEqual(before);
    expect(requested.filter((u) => u.endsWith('/fixes.js'))).toHaveLength(1);
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
  });

  it('when fixes.js cannot load, the dialog says so, the audit goes on, and the next click loads it', async () => {
    await open('seed=messy&user=admin&lang=en');
    await page.route('**/fixes.js', (route) => route.abort());
    await result(ENTRY_RULE).locator('[data-action="fix"]').click();
    const unavailable = page.locator('[data-role="fix-unavailable"]');
    await unavailable.waitFor({ timeout: 30_000 });
    expect(await unavailable.innerText()).toMatch(/^The fix preview could not be loaded: fixes\.js: .+/);
    await page.locator('[data-action="close-dialog"]').click();
    await expect.poll(() => page.locator('.sa-dialog').count()).toBe(0);
    // The audit keeps working without it.
    await page.click('[data-action="rerun"]');
    await page.waitForSelector('[data-action="rerun"]:not([disabled])', { timeout: 30_000 });
    await expect.poll(() => result(ENTRY_RULE).getAttribute('data-outcome')).toBe('fail');
    // Back online: RequireJS was told to forget the failed file, so the next click fetches it again.
    await page.unroute('**/fixes.js');
    await result(ENTRY_RULE).locator('[data-action="fix"]').click();
    await page.locator('[data-action="confirm-fix"]').waitFor({ timeout: 30_000 });
    expect(requested.filter((u) => u.endsWith('/fixes.js'))).toHaveLength(2);
    // Only the aborted request itself is logged; nothing threw.
    expect(pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });

  it('"Fix all safe" applies every safe fix as one batch, and the batch undoes as a whole', async () => {
    await open('seed=messy&user=admin&lang=en');
    const before = JSON.stringify(env.host.emulator.store.pipelines);
    const scoreBefore = Number(await page.locator('[data-score]').first().getAttribute('data-score'));
    await page.click('[data-action="fix-all-safe"]');
    await page.locator('[data-action="confirm-fix"]').click();
    await page.locator('[data-role="fix-outcome"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => Number(await page.locator('[data-score]').first().getAttribute('data-score')), {
        timeout: 30_000,
      })
      .toBeGreaterThan(scoreBefore);
    expect(env.host.emulator.store.pipelines[0]!.is_unsorted_on).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('[data-action="undo-batch"]').click();
    // A batch undo asks first; nothing is reverted until confirmed.
    expect(await result('unsorted-off').getAttribute('data-outcome')).toBe('pass');
    await page.locator('[data-action="confirm-undo-batch"]').click();
    await expect.poll(() => result('unsorted-off').getAttribute('data-outcome'), { timeout: 30_000 }).toBe('fail');
    expect(JSON.stringify(env.host.emulator.store.pipelines)).toBe(before);
    expect(await page.locator('[data-action="undo"]').count()).toBe(0);
  });

  it('downloads the configuration document (XLSX built in the page, under a CSP without eval)', async () => {
    await open('seed=messy&user=admin&lang=ru');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.click('[data-action="download-document"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toContain('xl/workbook.xml');
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/Сводка|Summary/);
    expect(pageErrors).toEqual([]);
  });

  it('checks an import file in the panel (the document engine loads from documents.js on first use)', async () => {
    await open('seed=messy&user=admin&lang=ru');
    expect(requested.some((u) => u.endsWith('/documents.js'))).toBe(false);
    const section = page.locator('[data-section="preflight"]');
    const toggle = section.locator('button[aria-expanded]').first();
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await section.locator('input[type=file]').setInputFiles({
      name: 'import.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Имя;Должнсть;Ответственный\nИван Петров;Директор;Никто\n', 'utf8'),
    });
    await section.locator('[data-action="preflight-run"]').click();
    await section.locator('[data-action="download-preflight"]').waitFor({ timeout: 30_000 });
    const text = await section.innerText();
    expect(text).toMatch(/Должность/);
    expect(text).toMatch(/Никто/);
    expect(requested.filter((u) => u.endsWith('/documents.js'))).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it('a non-admin user sees the report without fix buttons and is told why', async () => {
    await open('seed=messy&user=manager&lang=en');
    await expect.poll(() => result(ENTRY_RULE).getAttribute('data-outcome')).toBe('fail');
    expect(await page.locator('[data-action="fix"]').count()).toBe(0);
    expect(await page.locator('[data-role="why-no-fix"]').innerText()).toMatch(/administrator/i);
  });

  it('opens the settings modal with a way to the audit page', async () => {
    await open('seed=messy&user=admin&lang=ru');
    await page.click('#host-settings');
    const button = page.locator('#host-modal [data-action="open-audit"]');
    await button.waitFor();
    expect(await page.locator('#host-modal').innerText()).toMatch(/Аудит/);
  });

  it('a baseline loaded in the settings modal and saved is what the audit uses; a bad file is refused with its path', async () => {
    await open('seed=messy&user=admin&lang=en');
    expect(await result('excess-admins').getAttribute('data-outcome')).toBe('fail');
    await page.click('#host-settings');
    const modal = page.locator('#host-modal');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      modal.locator('[data-action="download-baseline"]').click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    const baseline = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(baseline.id).toBe('b2b-services');

    await modal.locator('[data-action="load-baseline"]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...baseline, thresholds: { ...baseline.thresholds, maxAdmins: 'many' } })),
    });
    await expect
      .poll(() => modal.locator('[data-role="baseline-status"]').innerText())
      .toMatch(/thresholds\.maxAdmins/);

    baseline.thresholds.maxAdmins = 10;
    baseline.name.en = 'Relaxed admins';
    await modal.locator('[data-action="load-baseline"]').setInputFiles({
      name: 'relaxed.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(baseline)),
    });
    await expect.poll(() => modal.locator('[data-role="baseline-current"]').innerText()).toMatch(/Relaxed admins/);
    await Promise.all([page.waitForEvent('load'), page.click('#host-settings-save')]);
    await page.waitForSelector('[data-score]', { timeout: 30_000 });
    await expect.poll(() => result('excess-admins').getAttribute('data-outcome'), { timeout: 30_000 }).toBe('pass');
    expect(await page.locator('.setup-audit').first().innerText()).toMatch(/Relaxed admins/);
  });

  it('survives a 500 on one part: the area says why, the rest still works', async () => {
    env.host.emulator.faults.once({ method: 'GET', path: '/api/v4/roles', fault: { status: 500 } });
    await open('seed=messy&user=admin&lang=en');
    const rights = page.locator('section[data-area="rights"]');
    await expect.poll(() => rights.innerText()).toMatch(/roles/i);
    await expect.poll(() => result(ENTRY_RULE).getAttribute('data-outcome')).toBe('fail');
    expect(await result('export-open').getAttribute('data-outcome')).toBe('error');
  });
});
