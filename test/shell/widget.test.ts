// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SetupAuditWidget from '../../src/shell/widget';
import type { HostWidget } from '../../src/shell/host';
import ru from '../../i18n/ru.json';

const CODE = 'setup_audit';

function makeWidget(area = 'advanced-settings'): HostWidget {
  const self = Object.create(null) as HostWidget & Record<string, unknown>;
  Object.assign(self, {
    get_settings: () => ({ widget_code: CODE, path: '/widgets/setup_audit' }),
    system: () => ({ area }),
    langs: ru,
    i18n: (key: string) => (ru as Record<string, unknown>)[key],
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
