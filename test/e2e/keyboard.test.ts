import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, ROOT, startHost } from './browser';

// The panel as a demanding integrator meets it with the keyboard alone, in real Chromium on the local CRM
// page: messy in Spanish on a 390 px phone (with the account's longest, right-to-left and markup-looking
// names added) and in Portuguese at 1400 px. The CRM's language picks the panel's; nothing English shows.
let browser: Browser;
let env: Awaited<ReturnType<typeof startHost>>;
let context: BrowserContext | null = null;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  env = await startHost('messy');
});
afterAll(async () => {
  await browser?.close();
  await env?.host.close();
});
afterEach(async () => {
  await context?.close();
  context = null;
});

/** Words that read the same in every language of the panel: product, CRM and channel names, file formats. */
const NEUTRAL = ['setup', 'audit', 'amocrm', 'kommo', 'json', 'xlsx', 'csv', 'telegram', 'whatsapp', 'b2b'];

const leaves = (o: unknown): string[] =>
  typeof o === 'string' ? [o] : o && typeof o === 'object' ? Object.values(o).flatMap(leaves) : [];
const wordsOf = (s: string): string[] =>
  (
    s
      .replace(/\{\w+\}/g, ' ')
      // Addresses and links are the account's data, not our words.
      .replace(/\S+@\S+|https?:\/\/\S+/g, ' ')
      // Whole words in any script: «canceló» is Spanish, not the English «cancel» inside it.
      .match(/\p{L}[\p{L}'’-]*\p{L}/gu) ?? []
  ).map((w) => w.toLowerCase());
const dictionaryWords = (lang: string) =>
  new Set(leaves(JSON.parse(readFileSync(join(ROOT, 'i18n', `${lang}.json`), 'utf8'))).flatMap(wordsOf));

/** Words our English dictionary uses and the language's own never does: on its screen they are left-overs. */
function englishOnly(lang: 'es' | 'pt'): Set<string> {
  const own = dictionaryWords(lang);
  return new Set([...dictionaryWords('en')].filter((w) => !own.has(w) && !NEUTRAL.includes(w)));
}

/** English-only words on the panel now: its text, and what a screen reader reads (labels, placeholders). */
async function englishOnScreen(lang: 'es' | 'pt'): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    for (const root of document.querySelectorAll('.setup-audit')) {
      const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (!n.parentElement?.closest('[hidden]') && n.textContent!.trim()) out.push(n.textContent!);
      }
      for (const el of root.querySelectorAll('[aria-label], [placeholder], [title], [aria-valuetext]'))
        for (const a of ['aria-label', 'placeholder', 'title', 'aria-valuetext']) out.push(el.getAttribute(a) ?? '');
    }
    return out;
  });
  const english = englishOnly(lang);
  return [
    ...new Set(
      texts.flatMap((t) =>
        wordsOf(t)
          .filter((w) => english.has(w))
          .map((w) => `${w} ← ${t.trim()}`),
      ),
    ),
  ];
}

async function open(
  lang: 'es' | 'pt',
  viewport: { width: number; height: number },
  account: () => Promise<void> = async () => {},
): Promise<void> {
  env.host.emulator.reset('messy');
  await account();
  context = await browser.newContext({ viewport });
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${env.url}?seed=messy&user=admin&lang=${lang}&theme=light`);
  await page.waitForSelector('[data-score]', { timeout: 30_000 });
  await page.waitForSelector('[data-action="rerun"]:not([disabled])', { timeout: 30_000 });
}

/** Where focus is: a short name for milestones, and whether a person can see it there. */
interface Stop {
  name: string;
  inPanel: boolean;
  inDialog: boolean;
  ring: boolean;
  /** Inside the viewport and not under the sticky bar. */
  inView: boolean;
}

function focused(): Promise<Stop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body)
      return { name: 'body', inPanel: false, inDialog: false, ring: false, inView: false };
    const action = el.getAttribute('data-action') ?? el.getAttribute('data-filter');
    const area = el.closest('[data-area]')?.getAttribute('data-area');
    const name = el.matches('[data-area-score]') ? `tile:${area}` : area ? `${action}:${area}` : (action ?? el.tagName);
    // A visually hidden file input shows its focus on the label that wraps it.
    const shown = el.classList.contains('sa-visually-hidden') ? (el.closest('label') ?? el) : el;
    const style = getComputedStyle(shown);
    const ring = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
    const rect = shown.getBoundingClientRect();
    const bar = document.querySelector('.sa-toolbar');
    const barRect = bar?.getBoundingClientRect();
    const sticky = bar && getComputedStyle(bar).position === 'sticky' && barRect && barRect.top <= 0.5;
    const under = sticky && !el.closest('.sa-toolbar') && rect.top < barRect.bottom;
    const inView = rect.bottom > 0 && rect.top < innerHeight && !under;
    const inPanel = el.closest('.setup-audit') !== null;
    return { name, inPanel, inDialog: el.closest('.sa-dialog') !== null, ring, inView };
  });
}

/** Tabs (or Shift+Tabs) `count` times from where focus is, recording every stop. */
async function tabs(count: number, key = 'Tab'): Promise<Stop[]> {
  const out: Stop[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(key);
    out.push(await focused());
  }
  return out;
}

/** Tabs from the page's top until `name` has focus; every panel stop on the way shows its focus in view. */
async function tabUntil(name: string, limit = 250): Promise<Stop[]> {
  const seen: Stop[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused();
    seen.push(stop);
    if (stop.name === name) return seen;
  }
  throw new Error(`${name} not reached in ${limit} Tabs: ${seen.map((s) => s.name).join(' → ')}`);
}

/** The positions of `milestones` in the order Tab met them (first meeting each); -1 when never met. */
function order(stops: Stop[], milestones: string[]): number[] {
  return milestones.map((m) => stops.findIndex((s) => s.name === m));
}

/** The tour both languages take: Tab through the page in a sensible order, every stop visible. */
async function tourInOrder(): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops = await tabUntil('toggle-document');
  const panel = stops.slice(stops.findIndex((s) => s.inPanel));
  // Once in the panel, Tab never leaves it before its last section: no trap, no escape.
  expect(panel.filter((s) => !s.inPanel).map((s) => s.name)).toEqual([]);
  const bad = panel.filter((s) => !s.ring || !s.inView).map((s) => `${s.name} ring=${s.ring} inView=${s.inView}`);
  expect(bad).toEqual([]);
  const milestones = [
    'show-decisions',
    'rerun',
    'fix-all-safe',
    'download-document',
    'tile:fields',
    'tile:usage',
    'top-fix',
    'fail',
    'search',
    'expand-all',
    'toggle-area:fields',
    'toggle-result:fields',
    'fix:fields',
    'toggle-area:rights',
    'toggle-area:usage',
    'tick',
    'toggle-preflight',
    'toggle-document',
  ];
  const at = order(panel, milestones);
  expect(at.filter((i) => i < 0).length, milestones.filter((_, k) => at[k]! < 0).join(', ')).toBe(0);
  expect(at).toEqual([...at].sort((a, b) => a - b));
}

/** Opens the first Fix of the fields area with Enter; Tab and Shift+Tab stay in the dialog; Escape returns. */
async function dialogRoundTrip(lang: 'es' | 'pt'): Promise<void> {
  const fix = page.locator('section[data-area="fields"] [data-action="fix"]').first();
  await fix.focus();
  await page.keyboard.press('Enter');
  await page.locator('.sa-dialog [data-action="confirm-fix"]').waitFor();
  const inside = await page.evaluate(() => document.querySelector('.sa-dialog')!.contains(document.activeElement));
  expect(inside).toBe(true);
  expect(await englishOnScreen(lang)).toEqual([]);
  // More Tabs than the dialog has controls, both ways: focus wraps inside it and always shows.
  const stops = [...(await tabs(12)), ...(await tabs(12, 'Shift+Tab'))];
  expect(stops.filter((s) => !s.inDialog || !s.ring).map((s) => s.name)).toEqual([]);
  expect(new Set(stops.map((s) => s.name)).has('confirm-fix')).toBe(true);
  await page.keyboard.press('Escape');
  await page.locator('.sa-dialog').waitFor({ state: 'detached' });
  expect(await fix.evaluate((b) => b === document.activeElement)).toBe(true);
}

describe('keyboard only', () => {
  it('messy in Spanish at 390 px: Tab in order with a visible ring, folds open with Enter and Space, the dialog traps and returns focus, no English; long, RTL and markup names wrap as text', async () => {
    // The account's own hardest names, created through the API as an admin would: each twice, so
    // duplicate-field-names shows them as chips and items.
    const long = 'Очень длинное название поля '.repeat(10).slice(0, 255);
    const names = [long, '<b>Жирное</b> <img src=x>', 'اسم العميل'].flatMap((n) => [n, n]);
    await open('es', { width: 390, height: 844 }, async () => {
      const created = await env.host.emulator.fetch(
        new Request('http://emulator/api/v4/contacts/custom_fields', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${env.host.emulator.tokenFor(env.host.emulator.adminId)}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(names.map((name) => ({ name, type: 'text' }))),
        }),
      );
      expect(created.status).toBe(201);
    });
    expect(await page.getAttribute('.setup-audit', 'lang')).toBe('es');
    await tourInOrder();

    // A tile jumps to its area and focuses its heading; Enter and Space fold and unfold it.
    const usage = 'section[data-area="usage"] [data-action="toggle-area"]';
    await page.locator('[data-area-score][data-area="usage"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused().then((s) => s.name)).toBe('toggle-area:usage');
    expect(await page.getAttribute(usage, 'aria-expanded')).toBe('true');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getAttribute(usage, 'aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute(usage, 'aria-expanded')).toBe('true');

    // A finding opens with Enter; an area's counts sit under its name, which wraps between words only.
    const row = 'section[data-area="fields"] [data-rule-id="duplicate-field-names"] [data-action="toggle-result"]';
    await page.locator(row).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute(row, 'aria-expanded')).toBe('true');
    const heading = await page.evaluate(() => {
      const out: { broken: string[]; countsBelow: boolean[] } = { broken: [], countsBelow: [] };
      for (const section of document.querySelectorAll('section[data-area]')) {
        const name = section.querySelector('.sa-area__name')!;
        const text = name.firstChild!;
        // A word that lies on two lines was broken inside it.
        for (const m of text.textContent!.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, m.index);
          range.setEnd(text, m.index + m[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) out.broken.push(m[0]);
        }
        const counts = section.querySelector('.sa-area__counts')!;
        out.countsBelow.push(counts.getBoundingClientRect().top >= name.getBoundingClientRect().bottom - 1);
      }
      return out;
    });
    expect(heading.broken).toEqual([]);
    expect(heading.countsBelow.every(Boolean)).toBe(true);
    const items = page.locator('[data-rule-id="duplicate-field-names"] .sa-items__item');
    const texts = await items.allTextContents();
    expect(texts.some((t) => t.includes(long))).toBe(true);
    expect(texts.some((t) => t.includes('<b>Жирное</b>'))).toBe(true);
    expect(await page.locator('[data-rule-id="duplicate-field-names"] bdi', { hasText: 'اسم العميل' }).count()).toBe(1);
    expect(await page.locator('.setup-audit b, .setup-audit img').count()).toBe(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    await dialogRoundTrip('es');
    expect(await englishOnScreen('es')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('messy in Portuguese at 1400 px: Tab in order, Shift+Tab never hides focus under the sticky bar, a fix applied by keyboard alone, no English', async () => {
    await open('pt', { width: 1400, height: 1000 });
    expect(await page.getAttribute('.setup-audit', 'lang')).toBe('pt');
    await tourInOrder();
    // Back up through the areas: every stop scrolls into view below the bar, not under it.
    const back = await tabs(40, 'Shift+Tab');
    expect(back.filter((s) => s.inPanel && !s.inView).map((s) => s.name)).toEqual([]);

    await dialogRoundTrip('pt');

    // Fix all safe, keyboard only: Enter opens, Tab reaches Apply, Enter applies, Escape closes.
    await page.locator('[data-action="fix-all-safe"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('.sa-dialog [data-action="confirm-fix"]').waitFor();
    expect(await englishOnScreen('pt')).toEqual([]);
    for (let i = 0; i < 40 && (await focused()).name !== 'confirm-fix'; i++) await page.keyboard.press('Tab');
    expect((await focused()).name).toBe('confirm-fix');
    await page.keyboard.press('Enter');
    await page.locator('[data-role="fix-outcome"]').waitFor({ timeout: 30_000 });
    await page.waitForSelector('[data-action="rerun"]:not([disabled])', { timeout: 30_000 });
    expect((await focused()).name).toBe('close-dialog');
    expect(await englishOnScreen('pt')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('.sa-dialog').waitFor({ state: 'detached' });
    expect((await focused()).inPanel).toBe(true);
    // The history is reached with Tab, after the document section.
    await page.locator('[data-action="toggle-document"]').focus();
    const rest = await tabs(3);
    expect(rest.map((s) => s.name)).toContain('download-journal');
    expect(rest.filter((s) => s.inPanel && !s.ring)).toEqual([]);
    expect(await englishOnScreen('pt')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
