import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/audit/registry';
import { AREAS, OUTCOMES, SEVERITIES } from '../../src/audit/types';
import { dicts } from './fixtures';
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
const ns = (lang: 'ru' | 'en' | 'es', name: string) => dicts[lang][name] as Dictionary;

describe('audit i18n', () => {
  it.each(['ru', 'en', 'es'] as const)('%s: every rule has pass, fail, why, howTo', (lang) => {
    for (const r of RULES) {
      const t = ns(lang, 'rules')[r.meta.id] as Record<string, string>;
      for (const k of ['pass', 'fail', 'why', 'howTo']) {
        expect(typeof t?.[k] === 'string' && t[k]!.length > 3, `${lang} rules.${r.meta.id}.${k}`).toBe(true);
      }
    }
  });

  it.each(['ru', 'en', 'es'] as const)("%s: item texts are exactly the rules' meta.messages", (lang) => {
    const declared = RULES.flatMap((r) => r.meta.messages.map((m) => `${r.meta.id}.${m}`));
    expect(
      leaves(ns(lang, 'items'))
        .filter((k) => RULES.some((r) => k.startsWith(`${r.meta.id}.`)))
        .sort(),
    ).toEqual([...declared].sort());
  });

  it.each(['ru', 'en', 'es'] as const)('%s: no orphan rule texts', (lang) => {
    expect(Object.keys(ns(lang, 'rules')).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  it.each(['ru', 'en', 'es'] as const)(
    '%s: area, outcome, severity and part names (one source for panel, CLI and documents)',
    (lang) => {
      expect(Object.keys(ns(lang, 'areas')).sort()).toEqual([...AREAS].sort());
      expect(Object.keys(ns(lang, 'outcomes')).sort()).toEqual([...OUTCOMES].sort());
      expect(Object.keys(ns(lang, 'parts')).sort()).toEqual([...PARTS].sort());
      expect(Object.keys(ns(lang, 'severity')).sort()).toEqual([...SEVERITIES].sort());
    },
  );

  it.each(['areas', 'outcomes', 'severity', 'parts', 'rules', 'items'])(
    '%s: ru, en and es have identical key sets',
    (name) => {
      expect(leaves(ns('ru', name)).sort()).toEqual(leaves(ns('en', name)).sort());
      expect(leaves(ns('es', name)).sort()).toEqual(leaves(ns('en', name)).sort());
    },
  );

  it('spanish plural objects carry every form Intl.PluralRules("es") selects', () => {
    const plurals = (node: Dictionary): Dictionary[] =>
      Object.values(node).flatMap((v) => (typeof v === 'string' ? [] : 'other' in v ? [v] : plurals(v)));
    const needed = new Intl.PluralRules('es').resolvedOptions().pluralCategories;
    const es = plurals(ns('es', 'items'));
    expect(es.length).toBeGreaterThan(10);
    for (const p of es) for (const form of needed) expect(p[form], JSON.stringify(p)).toEqual(expect.any(String));
  });

  it('spanish rule texts are translated, not copied from English', () => {
    for (const r of RULES) {
      const es = ns('es', 'rules')[r.meta.id] as Record<string, string>;
      const en = ns('en', 'rules')[r.meta.id] as Record<string, string>;
      for (const k of ['pass', 'fail', 'why', 'howTo']) expect(es[k], `${r.meta.id}.${k}`).not.toBe(en[k]);
      expect(es.why, r.meta.id).toMatch(/\b(el|la|los|las|de|que|un|una)\b/);
    }
  });

  it('russian plural objects have one, few and many', () => {
    const plurals = (node: Dictionary): Dictionary[] =>
      Object.values(node).flatMap((v) => (typeof v === 'string' ? [] : 'other' in v ? [v] : plurals(v)));
    const ru = plurals(ns('ru', 'items'));
    expect(ru.length).toBeGreaterThan(10);
    for (const p of ru) expect(Object.keys(p).sort()).toEqual(['few', 'many', 'one', 'other']);
  });

  it('russian texts are in Russian', () => {
    for (const r of RULES) {
      const t = ns('ru', 'rules')[r.meta.id] as Record<string, string>;
      expect(t.why, r.meta.id).toMatch(/[а-яё]{3}/i);
      expect(t.howTo, r.meta.id).toMatch(/[а-яё]{3}/i);
    }
  });
});
