// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import id from '../../i18n/id.json';
import { createTranslator } from '../../src/i18n/translate';
import type { Dictionary } from '../../src/i18n/translate';
import { formatWhen } from '../../src/ui/format';
import { mountPanel } from '../../src/ui/mount';
import { FakeRunner } from './fake-runner';
import { one } from './harness';
import { localDocumentViews } from '../../src/ui/document-views-local';
import { localFixViews } from '../../src/ui/fix-views-local';

const els: HTMLElement[] = [];
afterEach(() => {
  for (const el of els.splice(0)) el.remove();
});

describe('the panel in Indonesian (Kommo Indonesia)', () => {
  it('renders every area in id with the id dictionary and no raw key', async () => {
    const el = document.createElement('div');
    document.body.appendChild(el);
    els.push(el);
    const tId = createTranslator(id as unknown as Dictionary, 'id');
    const m = mountPanel(el, {
      fixViews: async () => localFixViews,
      documentViews: async () => localDocumentViews,
      runner: new FakeRunner(),
      t: tId,
      lang: 'id',
    });
    await waitFor(() => one(el, '[data-score]'));
    expect(one(el, '[data-action="rerun"]').textContent).toBe('Jalankan audit lagi');
    expect(one(el, '.setup-audit').getAttribute('lang')).toBe('id');
    expect(el.textContent).toContain('Peran dan hak akses');
    expect(el.textContent).toContain('Pipeline penjualan');
    for (const b of el.querySelectorAll<HTMLElement>('[aria-expanded="false"]')) fireEvent.click(b);
    await waitFor(() => expect(el.querySelectorAll('[aria-expanded="false"]')).toHaveLength(0));
    expect(el.querySelectorAll('[data-rule-id]').length).toBeGreaterThan(10);
    expect(el.textContent).not.toMatch(/\b(ui|rules|items|areas|outcomes|severity)\.[a-z]/);
    // Nothing of the English dictionary leaks through.
    expect(el.textContent).not.toContain('Run audit again');
    expect(el.textContent).not.toContain('Why it matters');
    m.unmount();
  });

  it('has one plural form (Intl.PluralRules("id") selects only other) and Indonesian dates', () => {
    const tId = createTranslator(id as unknown as Dictionary, 'id');
    expect(new Intl.PluralRules('id').resolvedOptions().pluralCategories).toEqual(['other']);
    expect(tId('ui.fix.ops', { count: 1 })).toBe('1 operasi');
    expect(tId('ui.fix.ops', { count: 5 })).toBe('5 operasi');
    expect(tId('items.duplicate-field-names.leads', { name: 'Sumber', count: 2 })).toBe(
      'Field lead “Sumber” muncul 2 kali',
    );
    expect(formatWhen('2026-12-01T10:00:00Z', 'id')).toMatch(/Des(ember)? 2026/);
  });
});
