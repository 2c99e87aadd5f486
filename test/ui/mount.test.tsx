// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import es from '../../i18n/es.json';
import ru from '../../i18n/ru.json';
import { createTranslator } from '../../src/i18n/translate';
import type { Dictionary } from '../../src/i18n/translate';
import { mountPanel, mountSettingsIntro } from '../../src/ui/mount';
import { FakeRunner, deferred } from './fake-runner';
import { one, t } from './harness';
import { localFixViews } from '../../src/ui/fix-views-local';
import { localDocumentViews } from '../../src/ui/document-views-local';

const els: HTMLElement[] = [];
function host(): HTMLElement {
  const el = document.createElement('div');
  document.body.appendChild(el);
  els.push(el);
  return el;
}
afterEach(() => {
  for (const el of els.splice(0)) el.remove();
});

describe('mountPanel', () => {
  it('replaces a panel already mounted on the element instead of adding a second one', async () => {
    const el = host();
    const gate = deferred();
    const first = new FakeRunner({ auditGate: gate });
    mountPanel(el, {
      fixViews: async () => localFixViews,
      documentViews: async () => localDocumentViews,
      runner: first,
      t,
      lang: 'en',
    });
    const second = mountPanel(el, {
      fixViews: async () => localFixViews,
      documentViews: async () => localDocumentViews,
      runner: new FakeRunner(),
      t,
      lang: 'en',
    });
    // The first panel's gather is cancelled, not left running against the API.
    expect(first.lastSignal?.aborted).toBe(true);
    await waitFor(() => one(el, '[data-score]'));
    expect(el.querySelectorAll('.setup-audit')).toHaveLength(1);
    second.unmount();
    expect(el.childNodes).toHaveLength(0);
    second.unmount(); // idempotent
  });

  it('replaces foreign content the shell left in the element', async () => {
    const el = host();
    el.innerHTML = '<p class="loading">…</p>';
    const m = mountPanel(el, {
      fixViews: async () => localFixViews,
      documentViews: async () => localDocumentViews,
      runner: new FakeRunner(),
      t,
      lang: 'en',
      autoRun: false,
    });
    expect(el.querySelector('.loading')).toBeNull();
    expect(el.querySelectorAll('.setup-audit')).toHaveLength(1);
    expect(el.textContent).toContain(t('ui.empty'));
    m.unmount();
  });

  it('renders in Russian with the translator the host gives', async () => {
    const el = host();
    const tRu = createTranslator(ru as unknown as Dictionary, 'ru');
    const m = mountPanel(el, {
      fixViews: async () => localFixViews,
      documentViews: async () => localDocumentViews,
      runner: new FakeRunner(),
      t: tRu,
      lang: 'ru',
    });
    await waitFor(() => one(el, '[data-score]'));
    expect(one(el, '[data-action="rerun"]').textContent).toBe('Запустить аудит заново');
    expect(one(el, '.setup-audit').getAttribute('lang')).toBe('ru');
    // No raw key reaches the screen, in any area.
    for (const b of el.querySelectorAll<HTMLElement>('[aria-expanded="false"]')) fireEvent.click(b);
    await waitFor(() => expect(el.querySelectorAll('[aria-expanded="false"]')).toHaveLength(0));
    expect(el.querySelectorAll('[data-rule-id]').length).toBeGreaterThan(10);
    expect(el.textContent).not.toMatch(/\bui\.[a-z]/);
    m.unmount();
  });

  it('renders in Spanish with the translator the host gives', async () => {
    const el = host();
    const tEs = createTranslator(es as unknown as Dictionary, 'es');
    const m = mountPanel(el, {
      fixViews: async () => localFixViews,
      documentViews: async () => localDocumentViews,
      runner: new FakeRunner(),
      t: tEs,
      lang: 'es',
    });
    await waitFor(() => one(el, '[data-score]'));
    expect(one(el, '[data-action="rerun"]').textContent).toBe('Volver a ejecutar la auditoría');
    expect(one(el, '.setup-audit').getAttribute('lang')).toBe('es');
    // The area names are Kommo's Spanish terms, and none of the English chrome is left.
    expect(el.textContent).toContain('Embudo de ventas');
    expect(el.textContent).toContain('Campos de la tarjeta');
    expect(el.textContent).not.toContain(t('ui.header.rerun'));
    expect(el.textContent).not.toContain(t('areas.pipeline'));
    for (const b of el.querySelectorAll<HTMLElement>('[aria-expanded="false"]')) fireEvent.click(b);
    await waitFor(() => expect(el.querySelectorAll('[aria-expanded="false"]')).toHaveLength(0));
    expect(el.querySelectorAll('[data-rule-id]').length).toBeGreaterThan(10);
    expect(el.textContent).not.toMatch(/\bui\.[a-z]/);
    m.unmount();
  });

  it('offers the configuration document only when the runner can produce it', async () => {
    const el = host();
    const runner = new FakeRunner({ withDocument: true });
    const m = mountPanel(el, {
      fixViews: async () => localFixViews,
      documentViews: async () => localDocumentViews,
      runner,
      t,
      lang: 'en',
    });
    fireEvent.click(await waitFor(() => one(el, '[data-action="download-document"]')));
    await waitFor(() => expect(runner.calls.downloadDocument).toBe(1));
    m.unmount();
    const el2 = host();
    const m2 = mountPanel(el2, {
      fixViews: async () => localFixViews,
      documentViews: async () => localDocumentViews,
      runner: new FakeRunner(),
      t,
      lang: 'en',
    });
    await waitFor(() => one(el2, '[data-score]'));
    expect(el2.querySelector('[data-action="download-document"]')).toBeNull();
    m2.unmount();
  });
});

describe('mountSettingsIntro', () => {
  it('explains the widget and the button calls onOpen', () => {
    const el = host();
    const onOpen = vi.fn();
    const m = mountSettingsIntro(el, { t, onOpen });
    expect(el.textContent).toContain(t('ui.intro.text'));
    fireEvent.click(one(el, '[data-action="open-audit"]'));
    expect(onOpen).toHaveBeenCalledTimes(1);
    mountSettingsIntro(el, { t, onOpen });
    expect(el.querySelectorAll('.sa-intro')).toHaveLength(1);
    m.unmount();
  });
});
