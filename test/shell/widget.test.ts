// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SetupAuditWidget from '../../src/shell/widget';
import type { HostWidget } from '../../src/shell/host';
import es from '../../i18n/es.json';
import ru from '../../i18n/ru.json';
import { dictionaryFor, translatorFor } from '../../src/i18n/dictionaries';
import { LANGS } from '../../src/i18n/langs';

const CODE = 'setup_audit';

function makeWidget(
  area = 'advanced-settings',
  extra: Record<string, unknown> = {},
  dict: Record<string, unknown> = ru,
): HostWidget {
  const self = Object.create(null) as HostWidget & Record<string, unknown>;
  Object.assign(self, {
    get_settings: () => ({ widget_code: CODE, path: '/widgets/setup_audit', ...extra }),
    system: () => ({ area }),
    langs: dict,
    i18n: (key: string) => dict[key],
  });
  return SetupAuditWidget.call(self) as HostWidget;
}

describe('widget shell', () => {
  beforeEach(() => {
    // The mounted panel starts an audit: answer every API call with 401 at once (no network in unit tests).
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ title: 'Unauthorized', status: 401 }), {
            status: 401,
            headers: { 'content-type': 'application/problem+json' },
          }),
      ),
    );
    document.body.innerHTML = `<div id="work-area-${CODE}"></div>`;
    globalThis.APP = {
      constant: ((key: string) =>
        key === 'account' ? { id: 1, name: 'ООО «Ромашка»', subdomain: 'romashka' } : { is_admin: true }) as never,
      lang_id: 'ru',
    };
  });
  afterEach(() => {
    makeWidget().callbacks.destroy();
    delete globalThis.APP;
    vi.unstubAllGlobals();
  });

  it('render returns true and mounts on the advanced page', () => {
    const widget = makeWidget();
    expect(widget.callbacks.render()).toBe(true);
    expect(document.querySelectorAll('.setup-audit').length).toBe(1);
    expect(document.body.textContent).toContain('ООО «Ромашка»');
  });

  it.each([
    ['es', 'es'],
    ['es-MX', 'es'],
    ['de', 'en'],
  ])('a CRM user whose lang_id is %s gets the panel in %s', (langId, want) => {
    globalThis.APP = { ...globalThis.APP!, lang_id: langId };
    makeWidget('advanced-settings', {}, es).callbacks.render();
    expect(document.querySelector('.setup-audit')!.getAttribute('lang')).toBe(want);
    if (want === 'es') expect(document.body.textContent).toContain('Ejecutar la auditoría');
  });

  it.each(LANGS.flatMap((l) => [[l, l] as const, [`${l}_${l.toUpperCase()}`, l] as const]))(
    'a CRM user whose lang_id is %s gets the panel in %s, in its words',
    (langId, want) => {
      globalThis.APP = { ...globalThis.APP!, lang_id: langId };
      makeWidget('advanced-settings', {}, dictionaryFor(want)).callbacks.render();
      expect(document.querySelector('.setup-audit')!.getAttribute('lang')).toBe(want);
      expect(document.body.textContent).toContain(translatorFor(want)('ui.header.run'));
    },
  );

  it("links the archive's style.css once, from the widget's path", () => {
    const widget = makeWidget();
    widget.callbacks.render();
    widget.callbacks.advancedSettings();
    widget.callbacks.settings(document.createElement('div'));
    const links = document.querySelectorAll('link[href^="/widgets/setup_audit/style.css"]');
    expect(links).toHaveLength(1);
    links.forEach((l) => l.remove());
  });

  it('does not mount from render outside the advanced page', () => {
    const widget = makeWidget('settings');
    expect(widget.callbacks.render()).toBe(true);
    expect(document.querySelectorAll('.setup-audit').length).toBe(0);
  });

  it('mounting twice (render then advancedSettings) leaves one panel', () => {
    const widget = makeWidget();
    widget.callbacks.render();
    widget.callbacks.advancedSettings();
    widget.callbacks.advancedSettings();
    expect(document.querySelectorAll(`#work-area-${CODE} > *`).length).toBe(1);
  });

  it('destroy leaves no DOM behind', () => {
    const widget = makeWidget();
    widget.callbacks.advancedSettings();
    widget.callbacks.destroy();
    expect(document.getElementById(`work-area-${CODE}`)!.childNodes.length).toBe(0);
  });

  it('renders account names as text, never as markup', () => {
    globalThis.APP = { constant: (() => ({ id: 1, name: '<img src=x onerror=alert(1)>' })) as never };
    makeWidget().callbacks.advancedSettings();
    expect(document.querySelector('img')).toBeNull();
    expect(document.body.textContent).toContain('<img src=x');
  });

  it('settings shows the intro with a button to the audit page, once', () => {
    const widget = makeWidget('settings');
    const modal = document.createElement('div');
    document.body.append(modal);
    widget.callbacks.settings(modal);
    widget.callbacks.settings({ length: 1, 0: modal });
    expect(modal.querySelectorAll('[data-action="open-audit"]').length).toBe(1);
    expect(modal.textContent).toContain('Открыть');
    expect(widget.callbacks.onSave({ active: 'Y', fields: {} })).toBe(true);
  });

  it("settings leaves the CRM's own modal content alone and saves a loaded baseline with the modal", async () => {
    const widget = makeWidget('settings');
    const form = document.createElement('form');
    form.innerHTML =
      '<div class="body"><p id="crm-own">CRM text</p></div><input type="hidden" name="baseline" value="">';
    document.body.append(form);
    const body = form.querySelector<HTMLElement>('.body')!;
    widget.callbacks.settings(body);
    expect(body.querySelector('#crm-own')).not.toBeNull();
    expect(body.querySelectorAll('[data-section="baseline"]')).toHaveLength(1);
    const { defaultBaseline } = await import('../../src/audit/baseline/load');
    const custom = { ...structuredClone(defaultBaseline()), version: '9.9.9' };
    const input = body.querySelector<HTMLInputElement>('[data-action="load-baseline"]')!;
    const file = new File([JSON.stringify(custom)], 'mine.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() =>
      expect(form.querySelector<HTMLInputElement>('input[name="baseline"]')!.value).toContain('9.9.9'),
    );
    const event = { active: 'Y' as const, fields: {} as Record<string, unknown> };
    expect(widget.callbacks.onSave(event)).toBe(true);
    expect(JSON.parse(String(event.fields.baseline)).version).toBe('9.9.9');
  });

  it('tells the CRM the hidden input changed: input and change events fire once each, in that order', async () => {
    const widget = makeWidget('settings');
    const form = document.createElement('form');
    form.innerHTML = '<div class="body"></div><input type="hidden" name="baseline" value="">';
    document.body.append(form);
    const hidden = form.querySelector<HTMLInputElement>('input[name="baseline"]')!;
    const seen: string[] = [];
    for (const type of ['input', 'change'])
      form.addEventListener(type, (e) => seen.push(`${e.type}:${(e.target as HTMLInputElement).name}`));
    widget.callbacks.settings(form.querySelector<HTMLElement>('.body')!);
    form.querySelector<HTMLButtonElement>('[data-action="reset-baseline"]')!.click();
    expect(hidden.value).toBe('');
    expect(seen).toEqual(['input:baseline', 'change:baseline']);
    seen.length = 0;
    const { defaultBaseline } = await import('../../src/audit/baseline/load');
    const file = new File([JSON.stringify({ ...structuredClone(defaultBaseline()), version: '7.0.0' })], 'b.json');
    const picker = form.querySelector<HTMLInputElement>('[data-action="load-baseline"]')!;
    Object.defineProperty(picker, 'files', { value: [file] });
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(hidden.value).toContain('7.0.0'));
    // The picker's own change bubbles too; what matters is that the hidden input fired both.
    expect(seen.filter((e) => e.endsWith(':baseline'))).toEqual(['input:baseline', 'change:baseline']);
  });

  it.each([
    ['a string', (b: object) => JSON.stringify(b)],
    ['parsed JSON', (b: object) => b],
  ])('reads a saved baseline handed over as %s (panel and modal)', async (_, form) => {
    const { defaultBaseline } = await import('../../src/audit/baseline/load');
    const saved = { ...structuredClone(defaultBaseline()), version: '4.2.0' };
    saved.name = {
      ru: 'Своя база',
      en: 'Own baseline',
      es: 'Referencia propia',
      pt: 'Referência própria',
      tr: 'Kendi referansımız',
      id: 'Acuan sendiri',
    };
    const widget = makeWidget('settings', { baseline: form(saved) });
    const modal = document.createElement('div');
    document.body.append(modal);
    widget.callbacks.settings(modal);
    expect(modal.querySelector('[data-role="baseline-current"]')!.textContent).toContain('Своя база');
    expect(modal.querySelector('[data-role="baseline-status"]')!.textContent).toBe('');
    makeWidget('advanced-settings', { baseline: form(saved) }).callbacks.advancedSettings();
    expect(document.querySelector('[data-role="panel-notice"]')).toBeNull();
  });

  it.each([
    ['damaged text', '{"id": "b2b-'],
    ['a parsed object that is not a baseline', { id: 42 }],
    ['a number', 17],
  ])('a saved baseline that is %s is refused with a visible warning in the modal and on the page', (_, value) => {
    const widget = makeWidget('settings', { baseline: value });
    const modal = document.createElement('div');
    document.body.append(modal);
    widget.callbacks.settings(modal);
    expect(modal.querySelector('[data-role="baseline-status"]')!.textContent).toMatch(/\S/);
    expect(modal.querySelector('[data-role="baseline-current"]')!.textContent).toContain('B2B');
    makeWidget('advanced-settings', { baseline: value }).callbacks.advancedSettings();
    expect(document.querySelector('[data-role="panel-notice"]')!.textContent).toMatch(/\S/);
  });

  it('the baseline part of the modal sits under the widget root class (so its styles apply)', () => {
    const modal = document.createElement('div');
    document.body.append(modal);
    makeWidget('settings').callbacks.settings(modal);
    expect(modal.querySelector('[data-section="baseline"]')!.closest('.setup-audit')).not.toBeNull();
    expect(modal.querySelector('[data-action="open-audit"]')!.closest('.setup-audit')).not.toBeNull();
    expect(modal.querySelectorAll('.setup-audit')).toHaveLength(1);
  });

  it('a non-admin gets the panel without fix buttons and with the reason', async () => {
    globalThis.APP = {
      constant: ((key: string) =>
        key === 'user_rights' ? { is_admin: false } : { id: 1, name: 'ООО «Ромашка»' }) as never,
      lang_id: 'ru',
    };
    makeWidget().callbacks.advancedSettings();
    await vi.waitFor(
      () => expect(document.querySelector('[data-role="why-no-fix"]')?.textContent).toMatch(/администратор/),
      { timeout: 8000 },
    );
    expect(document.querySelector('[data-action="fix"]')).toBeNull();
  });
});
