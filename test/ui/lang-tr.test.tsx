// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import tr from '../../i18n/tr.json';
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

describe('the panel in Turkish', () => {
  it('renders every area in tr with the tr dictionary and no raw key', async () => {
    const el = document.createElement('div');
    document.body.appendChild(el);
    els.push(el);
    const tTr = createTranslator(tr as unknown as Dictionary, 'tr');
    const m = mountPanel(el, {
      fixViews: async () => localFixViews,
      documentViews: async () => localDocumentViews,
      runner: new FakeRunner(),
      t: tTr,
      lang: 'tr',
    });
    await waitFor(() => one(el, '[data-score]'));
    expect(one(el, '[data-action="rerun"]').textContent).toBe('Denetimi yeniden çalıştır');
    expect(one(el, '.setup-audit').getAttribute('lang')).toBe('tr');
    expect(el.textContent).toContain('Roller ve erişim hakları');
    expect(el.textContent).toContain('Satış takip hattı');
    for (const b of el.querySelectorAll<HTMLElement>('[aria-expanded="false"]')) fireEvent.click(b);
    await waitFor(() => expect(el.querySelectorAll('[aria-expanded="false"]')).toHaveLength(0));
    expect(el.querySelectorAll('[data-rule-id]').length).toBeGreaterThan(10);
    expect(el.textContent).not.toMatch(/\b(ui|rules|items|areas|outcomes|severity)\.[a-z]/);
    // Nothing of the English dictionary leaks through.
    expect(el.textContent).not.toContain('Run audit again');
    expect(el.textContent).not.toContain('Why it matters');
    m.unmount();
  });

  it('picks tr plural forms (one, other: the noun stays singular after a number) and Turkish dates', () => {
    const tTr = createTranslator(tr as unknown as Dictionary, 'tr');
    expect(new Intl.PluralRules('tr').resolvedOptions().pluralCategories.sort()).toEqual(['one', 'other']);
    expect(tTr('ui.fix.ops', { count: 1 })).toBe('1 işlem');
    expect(tTr('ui.fix.ops', { count: 5 })).toBe('5 işlem');
    expect(tTr('ui.history.confirmBatch', { count: 1 })).toContain('geri alınsın mı?');
    expect(tTr('ui.history.confirmBatch', { count: 3 })).toContain('tümü');
    expect(formatWhen('2026-12-01T10:00:00Z', 'tr')).toMatch(/Ara 2026/);
  });
});
