import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { findI18nProblems } from '../../scripts/i18n/keys';
import { LANGS as PRODUCT_LANGS } from '../../src/i18n/langs';

type Dict = { [k: string]: string | Dict };
const load = (lang: string): Dict => JSON.parse(readFileSync(`i18n/${lang}.json`, 'utf8'));
const LANGS = readdirSync('i18n')
  .filter((n) => n.endsWith('.json'))
  .map((n) => n.slice(0, -5));
const LOCALE = (JSON.parse(readFileSync('manifest.json', 'utf8')) as { widget: { locale: string[] } }).widget.locale;
const real = () => Object.fromEntries(LANGS.map((l) => [l, load(l)]));
const check = (dicts: Record<string, Dict>, locale: readonly string[] = LOCALE, langs: readonly string[] = LOCALE) =>
  findI18nProblems({ dicts, locale, langs, root: process.cwd() });

describe('the i18n check covers every file in i18n/', () => {
  it('passes on the shipped dictionaries, pt included, all listed in the manifest', () => {
    expect(LANGS).toContain('pt');
    expect([...LOCALE].sort()).toEqual([...LANGS].sort());
    expect(check(real(), LOCALE, PRODUCT_LANGS)).toEqual([]);
  });

  it("fails when the manifest's locale is not the product's language list, in its order", () => {
    const reordered = [...LOCALE].reverse();
    expect(check(real(), reordered, PRODUCT_LANGS).join('\n')).toMatch(
      /manifest\.json widget\.locale \[.*\] is not src\/i18n\/langs\.ts LANGS \[ru, en,/,
    );
    // A language added to the list but not to the manifest.
    expect(check(real(), LOCALE, [...LOCALE, 'xx']).join('\n')).toMatch(/is not src\/i18n\/langs\.ts LANGS \[.*, xx\]/);
  });

  it.each<[string, (d: Record<string, Dict>) => void, RegExp]>([
    ['a key missing in pt', (d) => delete (d.pt!.ui as Dict).empty, /ui\.empty: in ru\.json but not in pt\.json/],
    ['a key only in pt', (d) => ((d.pt!.ui as Dict).extra = 'x'), /ui\.extra: in pt\.json only/],
    ['an empty pt text', (d) => ((d.pt!.ui as Dict).empty = ' '), /ui\.empty: empty text in pt\.json/],
    [
      'a pt text that drops a parameter',
      (d) => (((d.pt!.ui as Dict).header as Dict).account = 'Conta'),
      /ui\.header\.account: pt\.json interpolates \{\}, ru\.json \{name\}/,
    ],
    [
      'pt plural forms unlike ru’s',
      (d) => delete ((d.pt!.score as Dict).covers as Dict).few,
      /pt: plural forms differ from ru \(e\.g\. score\.covers\.few\)/,
    ],
  ])('fails on %s', (_, change, want) => {
    const dicts = real();
    change(dicts);
    expect(check(dicts).join('\n')).toMatch(want);
  });

  it('fails on a dictionary the manifest does not list, and on a listed locale without its file', () => {
    expect(
      check(
        real(),
        LOCALE.filter((l) => l !== 'pt'),
      ),
    ).toContain('i18n/pt.json: not in manifest.json widget.locale');
    const { pt: _pt, ...withoutPt } = real();
    expect(check(withoutPt)).toContain('pt: in manifest.json widget.locale but i18n/pt.json is missing');
  });
});
