import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/audit/registry';
import { AREAS, OUTCOMES, SEVERITIES } from '../../src/audit/types';
import { dictionaryFor } from '../../src/i18n/dictionaries';
import { LANGS, type Lang } from '../../src/i18n/langs';
import type { Dictionary } from '../../src/i18n/translate';
const PARTS = [
  'account',
  'users',
  'roles',
  'leadFields',
  'contactFields',
  'companyFields',
  'fieldGroups',
  'pipelines',
  'widgets',
  'unsorted',
  'events',
  'notes',
  'websiteButtons',
  'contacts',
  'companies',
  'leads',
  'tasks',
  'webhooks',
];

/** Dotted leaf keys of a namespace; plural objects count as one leaf with their forms. */
function leaves(node: Dictionary | string, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  if ('other' in node && Object.keys(node).every((k) => ['zero', 'one', 'two', 'few', 'many', 'other'].includes(k)))
    return [prefix];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const ns = (lang: Lang, name: string) => dictionaryFor(lang)[name] as Dictionary;
const plurals = (node: Dictionary): Dictionary[] =>
  Object.values(node).flatMap((v) => (typeof v === 'string' ? [] : 'other' in v ? [v] : plurals(v)));
/**
 * Words every sentence of a language is full of and English never writes: a rule text that is an English
 * copy (or another language's) does not match. Record<Lang, …>: a new language needs its row here.
 */
const OWN_WORDS: Record<Lang, RegExp> = {
  ru: /[а-яё]{3}/i,
  en: /\b(the|a|an|of|to|is|and)\b/,
  es: /\b(el|la|los|las|de|que|un|una)\b/,
  pt: /\b(o|os|as|de|do|da|que|um|uma|não)\b/,
  tr: /[ğşı]|(^|\s)(bir|ve|için|bu|ile|veya|ya|da|de)(\s|$)/u,
  id: /\b(yang|dan|di|ke|dari|untuk|tidak|dengan|atau)\b/,
};
const OTHERS = LANGS.filter((l) => l !== 'en');

describe('audit i18n', () => {
  it.each(LANGS)('%s: every rule has pass, fail, why, howTo', (lang) => {
    for (const r of RULES) {
      const t = ns(lang, 'rules')[r.meta.id] as Record<string, string>;
      for (const k of ['pass', 'fail', 'why', 'howTo']) {
        expect(typeof t?.[k] === 'string' && t[k]!.length > 3, `${lang} rules.${r.meta.id}.${k}`).toBe(true);
      }
    }
  });

  it.each(LANGS)("%s: item texts are exactly the rules' meta.messages", (lang) => {
    const declared = RULES.flatMap((r) => r.meta.messages.map((m) => `${r.meta.id}.${m}`));
    expect(
      leaves(ns(lang, 'items'))
        .filter((k) => RULES.some((r) => k.startsWith(`${r.meta.id}.`)))
        .sort(),
    ).toEqual([...declared].sort());
  });

  it.each(LANGS)('%s: no orphan rule texts', (lang) => {
    expect(Object.keys(ns(lang, 'rules')).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  it.each(LANGS)('%s: area, outcome, severity and part names (one source for panel, CLI and documents)', (lang) => {
    expect(Object.keys(ns(lang, 'areas')).sort()).toEqual([...AREAS].sort());
    expect(Object.keys(ns(lang, 'outcomes')).sort()).toEqual([...OUTCOMES].sort());
    expect(Object.keys(ns(lang, 'parts')).sort()).toEqual([...PARTS].sort());
    expect(Object.keys(ns(lang, 'severity')).sort()).toEqual([...SEVERITIES].sort());
  });

  it.each(['areas', 'outcomes', 'severity', 'parts', 'rules', 'items'])(
    '%s: every language has the key set of en',
    (name) => {
      for (const lang of LANGS) expect(leaves(ns(lang, name)).sort(), lang).toEqual(leaves(ns('en', name)).sort());
    },
  );

  it.each(LANGS)('%s: plural objects carry every form Intl.PluralRules selects', (lang) => {
    const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const found = plurals(ns(lang, 'items'));
    expect(found.length).toBeGreaterThan(10);
    for (const p of found) for (const form of needed) expect(p[form], JSON.stringify(p)).toEqual(expect.any(String));
  });

  it.each(OTHERS)('%s: rule texts are translated, not copied from English', (lang) => {
    for (const r of RULES) {
      const own = ns(lang, 'rules')[r.meta.id] as Record<string, string>;
      const en = ns('en', 'rules')[r.meta.id] as Record<string, string>;
      for (const k of ['pass', 'fail', 'why', 'howTo']) expect(own[k], `${r.meta.id}.${k}`).not.toBe(en[k]);
    }
  });

  it.each(LANGS)('%s: why and howTo are written in the language', (lang) => {
    for (const r of RULES) {
      const t = ns(lang, 'rules')[r.meta.id] as Record<string, string>;
      expect(t.why, r.meta.id).toMatch(OWN_WORDS[lang]);
      expect(t.howTo, r.meta.id).toMatch(OWN_WORDS[lang]);
    }
  });

  it('russian plural objects have one, few and many', () => {
    const ru = plurals(ns('ru', 'items'));
    expect(ru.length).toBeGreaterThan(10);
    for (const p of ru) expect(Object.keys(p).sort()).toEqual(['few', 'many', 'one', 'other']);
  });
});
