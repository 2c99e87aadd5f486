import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

// The widget's CSS lands on the CRM's own page: every rule must stay under the panel's root class,
// and colours must come from the CRM's palette variables (with fallbacks) so the dark theme works.
const css = readFileSync('src/ui/styles.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

function selectors(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/([^{}]+)\{/g)) {
    const head = m[1]!.trim();
    if (head.startsWith('@') || /^(from|to|\d+%)$/.test(head)) continue;
    out.push(...head.split(',').map((s) => s.trim()));
  }
  return out;
}

describe('widget styles', () => {
  it('scope every selector under .setup-audit', () => {
    const all = selectors(css);
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter((s) => !s.startsWith('.setup-audit'))).toEqual([]);
  });

  it('read the CRM palette variables, always with a fallback', () => {
    const vars = [...css.matchAll(/var\((--palette-[\w-]+)(,?)/g)];
    expect(vars.length).toBeGreaterThan(3);
    expect(vars.filter((m) => m[2] !== ',').map((m) => m[1])).toEqual([]);
  });
});

/** The declarations of every rule whose selector list contains `selector` exactly, in file order. */
function declarationsOf(selector: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (m[1]!.split(',').some((s) => s.trim() === selector)) out.push(m[2]!);
  }
  return out;
}

describe('styles a keyboard and screen-reader user depends on', () => {
  it.each([
    '.setup-audit .sa-area__toggle::before',
    '.setup-audit .sa-result__toggle::before',
    '.setup-audit .sa-passed__toggle::before',
    '.setup-audit .sa-passed__toggle[aria-expanded="true"]::before',
  ])('%s: the disclosure triangle has empty alternative text (not read as part of the name)', (selector) => {
    const body = declarationsOf(selector).join('\n');
    expect(body).toMatch(/content:\s*"[▸▾] ?"\s*\/\s*"";/);
  });

  it('what follows the sticky bar scrolls into view below it, and the toggles’ `all: unset` cannot undo that', () => {
    const rule = declarationsOf('.setup-audit.setup-audit .sa-toolbar ~ * *').join('\n');
    const margin = Number(/scroll-margin-top:\s*(\d+)px/.exec(rule)?.[1]);
    // Two lines of the bar measured 88 px in Chromium (ru, en, es, pt).
    expect(margin).toBeGreaterThanOrEqual(88);
  });

  it('the bar stops being sticky below 700 px, where it wraps to four lines', () => {
    const narrow = /@media \(max-width: 700px\) \{([\s\S]*?)\n\}/.exec(css)?.[1] ?? '';
    expect(narrow).toMatch(/\.setup-audit \.sa-toolbar \{\s*position: static;/);
  });
});
