// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import pt from '../../i18n/pt.json';
import { createTranslator } from '../../src/i18n/translate';
import type { Dictionary } from '../../src/i18n/translate';
import { formatWhen } from '../../src/ui/format';
import { mountPanel } from '../../src/ui/mount';
import { FakeRunner } from './fake-runner';
import { one } from './harness';
import { localFixViews } from '../../src/ui/fix-views-local';
import { localDocumentViews } from '../../src/ui/document-views-local';

const els: HTMLElement[] = [];
afterEach(() => {
  for (const el of els.splice(0)) el.remove();
});

describe('the panel in Portuguese (Brazil)', () => {
  it('renders every area in pt with the pt dictionary and no raw key', async () => {
    const el = document.createElement('div');
    document.body.appendChild(el);
    els.push(el);
    const tPt = createTranslator(pt as unknown as Dictionary, 'pt');
    const m = mountPanel(el, {
      fixViews: async () => localFixViews,
      documentViews: async () => localDocumentViews,
      runner: new FakeRunner(),
      t: tPt,
      lang: 'pt',
    });
    await waitFor(() => one(el, '[data-score]'));
    expect(one(el, '[data-action="rerun"]').textContent).toBe('Executar a auditoria de novo');
    expect(one(el, '.setup-audit').getAttribute('lang')).toBe('pt');
    expect(el.textContent).toContain('Funções e permissões de acesso');
    expect(el.textContent).toContain('Funil de vendas');
    for (const b of el.querySelectorAll<HTMLElement>('[aria-expanded="false"]')) fireEvent.click(b);
    await waitFor(() => expect(el.querySelectorAll('[aria-expanded="false"]')).toHaveLength(0));
    expect(el.querySelectorAll('[data-rule-id]').length).toBeGreaterThan(10);
    expect(el.textContent).not.toMatch(/\b(ui|rules|items|areas|outcomes|severity)\.[a-z]/);
    // Nothing of the English dictionary leaks through.
    expect(el.textContent).not.toContain('Run audit again');
    expect(el.textContent).not.toContain('Why it matters');
    m.unmount();
  });

  it('picks pt plural forms and Brazilian dates', () => {
    const tPt = createTranslator(pt as unknown as Dictionary, 'pt');
    expect(tPt('ui.fix.ops', { count: 1 })).toBe('1 operação');
    expect(tPt('ui.fix.ops', { count: 0 })).toBe('0 operação');
    expect(tPt('ui.fix.ops', { count: 5 })).toBe('5 operações');
    expect(formatWhen('2026-12-01T10:00:00Z', 'pt')).toMatch(/dez\.? de 2026/);
  });
});
