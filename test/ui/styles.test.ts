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
