// @vitest-environment happy-dom
// The panel in each language Kommo adds to amoCRM's ru/en: one table, so a new language is one row.
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { dictionaryFor } from '../../src/i18n/dictionaries';
import type { Lang } from '../../src/i18n/langs';
import { createTranslator } from '../../src/i18n/translate';
import { localDocumentViews } from '../../src/ui/document-views-local';
import { formatWhen } from '../../src/ui/format';
import { localFixViews } from '../../src/ui/fix-views-local';
import { mountPanel } from '../../src/ui/mount';
import { FakeRunner } from './fake-runner';
import { one } from './harness';

interface Row {
  lang: Lang;
  name: string;
  rerun: string;
  /** Area names that must show. */
  areas: [string, string];
  /** The language's plural categories, as Intl sees them. */
  plurals: string[];
  /** [key, params, text] rows that pick a plural form. */
  texts: [string, Record<string, string | number>, string][];
  /** [key, params, part] rows whose text must hold the part. */
  contains?: [string, Record<string, string | number>, string][];
  date: RegExp;
}

const ROWS: Row[] = [
  {
    lang: 'pt',
    name: 'Portuguese (Brazil)',
    rerun: 'Executar a auditoria de novo',
    areas: ['Funções e permissões de acesso', 'Funil de vendas'],
    plurals: ['many', 'one', 'other'],
    texts: [
      ['ui.fix.ops', { count: 1 }, '1 operação'],
      ['ui.fix.ops', { count: 0 }, '0 operação'],
      ['ui.fix.ops', { count: 5 }, '5 operações'],
    ],
    date: /dez\.? de 2026/,
  },
  {
    lang: 'tr',
    name: 'Turkish',
    rerun: 'Denetimi yeniden çalıştır',
    areas: ['Roller ve erişim hakları', 'Satış takip hattı'],
    // one, other: the noun stays singular after a number.
    plurals: ['one', 'other'],
    texts: [
      ['ui.fix.ops', { count: 1 }, '1 işlem'],
      ['ui.fix.ops', { count: 5 }, '5 işlem'],
    ],
    contains: [
      ['ui.history.confirmBatch', { count: 1 }, 'geri alınsın mı?'],
      ['ui.history.confirmBatch', { count: 3 }, 'tümü'],
    ],
    date: /Ara 2026/,
  },
  {
    lang: 'id',
    name: 'Indonesian (Kommo Indonesia)',
    rerun: 'Jalankan audit lagi',
    areas: ['Peran dan hak akses', 'Pipeline penjualan'],
    plurals: ['other'],
    texts: [
      ['ui.fix.ops', { count: 1 }, '1 operasi'],
      ['ui.fix.ops', { count: 5 }, '5 operasi'],
      ['items.duplicate-field-names.leads', { name: 'Sumber', count: 2 }, 'Field lead “Sumber” muncul 2 kali'],
    ],
    date: /Des(ember)? 2026/,
  },
];

const els: HTMLElement[] = [];
afterEach(() => {
  for (const el of els.splice(0)) el.remove();
});

describe.each(ROWS)('the panel in $name', (row) => {
  const t = createTranslator(dictionaryFor(row.lang), row.lang);

  it('renders every area with its dictionary and no raw key or English text', async () => {
    const el = document.createElement('div');
    document.body.appendChild(el);
    els.push(el);
    const m = mountPanel(el, {
      fixViews: async () => localFixViews,
      documentViews: async () => localDocumentViews,
      runner: new FakeRunner(),
      t,
      lang: row.lang,
    });
    await waitFor(() => one(el, '[data-score]'));
    expect(one(el, '[data-action="rerun"]').textContent).toBe(row.rerun);
    expect(one(el, '.setup-audit').getAttribute('lang')).toBe(row.lang);
    for (const area of row.areas) expect(el.textContent).toContain(area);
    for (const b of el.querySelectorAll<HTMLElement>('[aria-expanded="false"]')) fireEvent.click(b);
    await waitFor(() => expect(el.querySelectorAll('[aria-expanded="false"]')).toHaveLength(0));
    expect(el.querySelectorAll('[data-rule-id]').length).toBeGreaterThan(10);
    expect(el.textContent).not.toMatch(/\b(ui|rules|items|areas|outcomes|severity)\.[a-z]/);
    expect(el.textContent).not.toContain('Run audit again');
    expect(el.textContent).not.toContain('Why it matters');
    m.unmount();
  });

  it('picks its plural forms and writes its dates', () => {
    expect(new Intl.PluralRules(row.lang).resolvedOptions().pluralCategories.sort()).toEqual(row.plurals);
    for (const [key, params, text] of row.texts) expect(t(key, params)).toBe(text);
    for (const [key, params, part] of row.contains ?? []) expect(t(key, params)).toContain(part);
    expect(formatWhen('2026-12-01T10:00:00Z', row.lang)).toMatch(row.date);
  });
});
