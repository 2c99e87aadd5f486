import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSession } from './session';
import { tabStopsPerRow } from './tab-stops';

// The panel as an admin reads it at a glance (issue 14), in real Chromium on the local CRM page:
// every seed, admin and manager, ru and en, 1400, 1024 and 390 px wide, light and dark.
const session = browserSession('messy');
let page: Page;
let pageErrors: string[];

type Seed = 'messy' | 'fresh' | 'clean';

async function open(
  query: { seed: Seed; user?: string; lang?: 'ru' | 'en'; theme?: 'light' | 'dark' },
  viewport = { width: 1400, height: 1000 },
): Promise<void> {
  ({ page, pageErrors } = await session.open({
    seed: query.seed,
    query: { user: 'admin', lang: 'en', theme: 'light', ...query },
    viewport,
  }));
}

/** Text elements under the panel whose contrast with their effective background is below `min`. */
function lowContrast(min: number): Promise<string[]> {
  return page.evaluate((minRatio) => {
    const parse = (c: string): number[] | null => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const p = m[1]!
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg[3]! > 0.5) return bg;
      }
      return [255, 255, 255, 1];
    };
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.setup-audit *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim() !== '');
      if (!own || el.closest('[disabled], [hidden], .sa-visually-hidden, option')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const fg = parse(getComputedStyle(el).color)!;
      const bg = background(el);
      const [a, b] = [lum(fg) + 0.05, lum(bg) + 0.05];
      const ratio = Math.max(a, b) / Math.min(a, b);
      if (ratio < minRatio)
        out.push(`${ratio.toFixed(2)} ${el.className || el.tagName}: ${el.textContent!.trim().slice(0, 40)}`);
    }
    return out;
  }, min);
}

describe('the panel at a glance', () => {
  it('messy at 1400×1000: the nine area tiles in the first screen, the page ≤ 3,000 px until opened', async () => {
    await open({ seed: 'messy' });
    const tiles = await page
      .locator('[data-area-score]')
      .evaluateAll((els) =>
        els.map((e) => ({ area: e.getAttribute('data-area'), bottom: e.getBoundingClientRect().bottom })),
      );
    expect(tiles.map((t) => t.area)).toEqual([
      'fields',
      'rights',
      'pipeline',
      'mail',
      'forms',
      'telephony',
      'channels',
      'data',
      'usage',
    ]);
    for (const t of tiles) expect(t.bottom, t.area!).toBeLessThanOrEqual(1000);
    expect(await page.locator('[data-section="top-fixes"] [data-top-fix]').count()).toBe(5);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`messy at 1400×1000: page height ${height} px`);
    expect(height).toBeLessThanOrEqual(3000);
    // The worst area is coloured as such and says it in words.
    expect(await page.locator('[data-area-score][data-area="telephony"]').getAttribute('data-band')).toBe('poor');
    expect(pageErrors).toEqual([]);
  });

  it('a closed finding row has at most 3 tab stops; Open all opens every row', async () => {
    await open({ seed: 'messy' });
    const stops = await tabStopsPerRow(page);
    expect(stops.length).toBeGreaterThan(10);
    for (const s of stops) expect(s.n, s.id!).toBeLessThanOrEqual(3);
    await page.click('[data-action="expand-all"]');
    await expect
      .poll(() => page.locator('.sa-areas [data-action="toggle-result"][aria-expanded="false"]:visible').count())
      .toBe(0);
    expect(await page.locator('.setup-audit').innerText()).toMatch(/Why it matters/);
  });

  it('filters and search narrow the findings; Top fixes "Show" opens and focuses its finding', async () => {
    await open({ seed: 'messy' });
    await page.click('[data-filter="fixable"]');
    const fixable = await page.locator('.sa-areas [data-rule-id]:visible').count();
    expect(fixable).toBeGreaterThan(0);
    expect(await page.locator('.sa-areas [data-rule-id]:visible:not(:has([data-action="fix"]))').count()).toBe(0);
    await page.click('[data-action="clear-filters"]');
    await page.fill('[data-filter="search"]', 'Кирилл');
    await expect.poll(() => page.locator('.sa-areas [data-rule-id]:visible').count()).toBeGreaterThan(0);
    const ids = await page
      .locator('.sa-areas [data-rule-id]:visible')
      .evaluateAll((r) => r.map((x) => x.getAttribute('data-rule-id')));
    expect(ids).toContain('users-without-role');
    await page.fill('[data-filter="search"]', '');
    const show = page.locator('[data-top-fix] [data-action="show-result"]').first();
    const ruleId = await show.evaluate((b) => b.closest('[data-top-fix]')!.getAttribute('data-top-fix'));
    await show.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[data-rule-id]')?.getAttribute('data-rule-id')))
      .toBe(ruleId);
    expect(
      await page.locator(`[data-rule-id="${ruleId}"] [data-action="toggle-result"]`).getAttribute('aria-expanded'),
    ).toBe('true');
  });

  it('fresh: the needs-review results are on screen with "Mark as reviewed"; the mark is kept with who and when', async () => {
    await open({ seed: 'fresh' });
    const review = page.locator('.sa-areas [data-outcome="needs-review"]');
    expect(await review.count()).toBeGreaterThan(0);
    const before = await page.locator('[data-count="decisions"]').innerText();
    const n = Number(before.match(/\d+/)![0]);
    const first = page.locator('[data-section="decisions"] [data-action="mark-reviewed"]').first();
    await first.click();
    await expect.poll(() => page.locator('[data-count="decisions"]').innerText()).toBe(`Decisions left: ${n - 1}`);
    expect(await page.locator('[data-section="decisions"] [data-role="tick-info"]').first().innerText()).toMatch(
      /^Reviewed by /,
    );
    await page.reload();
    await page.waitForSelector('[data-action="rerun"]:not([disabled])', { timeout: 30_000 });
    await expect.poll(() => page.locator('[data-count="decisions"]').innerText()).toBe(`Decisions left: ${n - 1}`);
    expect(await page.locator('[data-role="score-line"]').innerText()).toMatch(/decisions? left/);
  });

  it('clean in Russian: the score line never reads as done while manual checks are open', async () => {
    await open({ seed: 'clean', lang: 'ru' });
    const line = await page.locator('[data-role="score-line"]').innerText();
    expect(line).toMatch(/^\d+ — осталось \d+ решени/);
    expect(await page.locator('[data-role="toolbar"]').innerText()).toContain(line);
  });

  it('the manager: results that could not be checked are counted as such, and the score says what it rests on', async () => {
    await open({ seed: 'messy', user: 'manager' });
    expect(await page.locator('[data-action="fix"], [data-action="top-fix"]').count()).toBe(0);
    // In use starts folded: open every area so each result that could not be checked is on the page.
    await page.click('[data-action="expand-all"]');
    const errored = await page.locator('.sa-areas [data-outcome="error"]').count();
    const coverage = await page.locator('[data-role="coverage"]').innerText();
    expect(coverage).toMatch(/^Based on \d+ checks?/);
    if (errored > 0) {
      expect(coverage).toContain(`${errored} could not be checked`);
      expect(await page.locator('[data-count="error"]').innerText()).toBe(`Not checked: ${errored}`);
      const tiles = await page.locator('[data-area-score]').allInnerTexts();
      expect(tiles.join(' ')).toMatch(/not checked/);
    } else {
      console.log('manager on messy: every check could be judged (nothing to count as not checked)');
    }
  });

  for (const [width, height] of [
    [1024, 768],
    [390, 844],
  ] as const) {
    it(`${width} px wide: nothing wider than the screen, the import table scrolls in its own box`, async () => {
      await open({ seed: 'messy' }, { width, height });
      const section = page.locator('[data-section="preflight"]');
      const toggle = section.locator('button[aria-expanded]').first();
      if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
      await section.locator('input[type=file]').setInputFiles({
        name: 'import.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'Имя;Должнсть;Ответственный;Телефон\nИван Петров Сергеевич-Длинноименный;Директор;Никто;не телефон\n',
          'utf8',
        ),
      });
      await section.locator('[data-action="preflight-run"]').click();
      await section.locator('table').waitFor({ timeout: 30_000 });
      await page.click('[data-action="expand-all"]');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const tiles = await page.locator('[data-area-score]').count();
      expect(tiles).toBe(9);
    });
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme} theme: every text in the panel has AA contrast (≥ 4.5:1)`, async () => {
      await open({ seed: 'messy', theme, lang: theme === 'dark' ? 'ru' : 'en' });
      await page.click('[data-action="expand-all"]');
      await page.locator('.sa-areas [data-action="toggle-passed"]').first().click();
      const low = await lowContrast(Number(process.env.MIN_CONTRAST ?? 4.5));
      expect(low, low.join('\n')).toEqual([]);
    });
  }

  it('focus comes back to the finding after the fix dialog closes, also when the fix made it pass', async () => {
    await open({ seed: 'messy' });
    const fix = page.locator('[data-rule-id="unsorted-off"] [data-action="fix"]');
    await fix.click();
    await page.locator('[data-action="confirm-fix"]').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('fix');
    await fix.click();
    await page.locator('[data-action="confirm-fix"]').click();
    await page.locator('[data-role="fix-outcome"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('[data-rule-id="unsorted-off"]').getAttribute('data-outcome'), { timeout: 30_000 })
      .toBe('pass');
    await page.keyboard.press('Escape');
    await expect
      .poll(() =>
        page.evaluate(() => {
          const a = document.activeElement;
          return `${a?.closest('section[data-area]')?.getAttribute('data-area')}:${a?.getAttribute('data-action')}`;
        }),
      )
      .toBe('pipeline:toggle-passed');
  });

  it('after a reload the last report shows at once, marked "refreshing…" and provisional, then the fresh one', async () => {
    await open({ seed: 'messy' });
    const score = await page.locator('[data-score]').getAttribute('data-score');
    await page.reload();
    await page.waitForSelector('[data-role="refreshing"]', { timeout: 30_000 });
    expect(await page.locator('[data-score]').getAttribute('data-score')).toBe(score);
    expect(await page.locator('[data-provisional]').count()).toBeGreaterThan(0);
    await page.waitForSelector('[data-action="rerun"]:not([disabled])', { timeout: 30_000 });
    expect(await page.locator('[data-role="refreshing"]').count()).toBe(0);
    expect(await page.locator('[data-provisional]').count()).toBe(0);
  });

  it("the settings modal's baseline part is styled by the widget's stylesheet", async () => {
    await open({ seed: 'messy', theme: 'dark' });
    await page.click('#host-settings');
    const button = page.locator('#host-modal [data-action="download-baseline"]');
    await button.waitFor();
    const style = await button.evaluate((b) => {
      const s = getComputedStyle(b);
      return { radius: s.borderRadius, bg: s.backgroundColor };
    });
    expect(style.radius).toBe('6px');
    // The dark palette's background, not the browser's grey button face.
    expect(style.bg).toBe('rgb(30, 37, 48)');
    const picker = await page
      .locator('#host-modal [data-action="load-baseline"]')
      .evaluate((i) => i.getBoundingClientRect().width);
    expect(picker).toBeLessThanOrEqual(1);
  });
});
