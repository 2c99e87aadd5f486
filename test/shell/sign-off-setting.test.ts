// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SetupAuditWidget from '../../src/shell/widget';
import type { HostWidget } from '../../src/shell/host';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { readSettingValue, settingValueText, SETTING_MARK } from '../../src/blueprint/setting-value';
import type { SignedOff } from '../../src/blueprint/signed-off';
import en from '../../i18n/en.json';

// The settings modal keeps the sign-off: the audit page stages it (localStorage), the modal writes it
// into the hidden `baseline` input beside the baseline, and the CRM's Save keeps it.
const CODE = 'setup_audit';
const STAGE = 'setup-audit:sign-off:1';
const SIGNED: SignedOff = {
  document: {
    schemaVersion: 1,
    fields: [{ entity: 'companies', name: 'ИНН', type: 'text', options: [], group: null }],
    pipelines: [],
    required: [],
    roles: [],
    lossReasons: null,
    planning: [],
  },
  signedAt: '2026-11-20T09:00:00.000Z',
  by: 'Anna Admin',
  source: 'clean.xlsx',
};

function makeWidget(area: string, extra: Record<string, unknown> = {}): HostWidget {
  const self = Object.create(null) as HostWidget & Record<string, unknown>;
  Object.assign(self, {
    get_settings: () => ({ widget_code: CODE, path: '/widgets/setup_audit', ...extra }),
    system: () => ({ area }),
    langs: en,
    i18n: (key: string) => (en as Record<string, unknown>)[key],
  });
  return SetupAuditWidget.call(self) as HostWidget;
}

function openModal(widget: HostWidget) {
  const form = document.createElement('form');
  form.innerHTML = '<div class="body"></div><input type="hidden" name="baseline" value="">';
  document.body.append(form);
  widget.callbacks.settings(form.querySelector<HTMLElement>('.body')!);
  const hidden = form.querySelector<HTMLInputElement>('input[name="baseline"]')!;
  const current = () => form.querySelector<HTMLElement>('[data-role="sign-off-current"]')!;
  return { form, hidden, current };
}

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response('{"status":401}', { status: 401, headers: { 'content-type': 'application/problem+json' } }),
    ),
  );
  localStorage.clear();
  document.body.innerHTML = `<div id="work-area-${CODE}"></div>`;
  globalThis.APP = {
    constant: ((key: string) => (key === 'account' ? { id: 1, subdomain: 'romashka' } : { is_admin: true })) as never,
    lang_id: 'en',
  };
});
afterEach(() => {
  makeWidget('advanced-settings').callbacks.destroy();
  delete globalThis.APP;
  vi.unstubAllGlobals();
});

describe('the settings modal keeps a sign-off', () => {
  it('writes a staged sign-off into the input at once, says to Save, and Save keeps it (the stage is done)', () => {
    localStorage.setItem(STAGE, JSON.stringify(SIGNED));
    const widget = makeWidget('settings');
    const { hidden, current } = openModal(widget);
    expect(current().dataset.state).toBe('staged');
    expect(current().textContent).toMatch(
      /^Signed-off set-up: .+, Anna Admin \(document: clean\.xlsx\) — press Save to keep it\.$/,
    );
    expect(readSettingValue(hidden.value)).toEqual({ baselineText: null, signedOff: SIGNED, problem: null });
    const event = { active: 'Y' as const, fields: {} as Record<string, unknown> };
    expect(widget.callbacks.onSave(event)).toBe(true);
    expect(readSettingValue(String(event.fields.baseline)).signedOff).toEqual(SIGNED);
    expect(localStorage.getItem(STAGE)).toBeNull();
  });

  it.each([
    ['text', (v: string) => v],
    ['parsed JSON', (v: string) => JSON.parse(v) as unknown],
  ])('shows a saved sign-off (handed over as %s); a new baseline keeps it beside; Remove drops it', async (_, form) => {
    const saved = settingValueText({ baselineText: null, signedOff: SIGNED });
    const widget = makeWidget('settings', { baseline: form(saved) });
    const { form: modal, hidden, current } = openModal(widget);
    expect(current().dataset.state).toBe('saved');
    // Nothing changed yet: the input is left as the CRM filled it.
    expect(hidden.value).toBe('');

    const picker = modal.querySelector<HTMLInputElement>('[data-action="load-baseline"]')!;
    const file = new File([JSON.stringify({ ...structuredClone(defaultBaseline()), version: '5.5.5' })], 'b.json');
    Object.defineProperty(picker, 'files', { value: [file] });
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(hidden.value).toContain('5.5.5'));
    const both = readSettingValue(hidden.value);
    expect(both.signedOff).toEqual(SIGNED);
    expect(JSON.parse(both.baselineText!).version).toBe('5.5.5');

    // The setting as a file for the CLI (`audit --baseline FILE` reports the same drift).
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:setting';
    });
    modal.querySelector<HTMLButtonElement>('[data-action="download-setting"]')!.click();
    expect(readSettingValue(await blobs[0]!.text()).signedOff).toEqual(SIGNED);

    modal.querySelector<HTMLButtonElement>('[data-action="remove-sign-off"]')!.click();
    await vi.waitFor(() => expect(current().dataset.state).toBe('removed'));
    // Without a sign-off the setting is the bare baseline again: the old shape.
    expect(JSON.parse(hidden.value).version).toBe('5.5.5');
    expect(SETTING_MARK in JSON.parse(hidden.value)).toBe(false);
  });

  it('refuses a baseline that would make the setting too large beside the sign-off, changing nothing', async () => {
    const saved = settingValueText({ baselineText: null, signedOff: SIGNED });
    const { form: modal, hidden } = openModal(makeWidget('settings', { baseline: saved }));
    const huge = { ...structuredClone(defaultBaseline()), version: '6.0.0' };
    huge.name = { ...huge.name, en: 'x'.repeat(70_000) };
    const picker = modal.querySelector<HTMLInputElement>('[data-action="load-baseline"]')!;
    Object.defineProperty(picker, 'files', { value: [new File([JSON.stringify(huge)], 'huge.json')] });
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() =>
      expect(modal.querySelector('[data-role="baseline-status"]')!.textContent).toMatch(/at most 60 KB are kept/),
    );
    expect(hidden.value).toBe('');
  });

  it('a damaged sign-off is named in the modal and on the audit page; the baseline beside it still works', () => {
    const value = JSON.stringify({
      [SETTING_MARK]: 1,
      baseline: { ...defaultBaseline(), version: '8.8.8' },
      signedOff: { ...SIGNED, signedAt: 'yesterday' },
    });
    const { form } = openModal(makeWidget('settings', { baseline: value }));
    expect(form.querySelector('[data-role="sign-off-problem"]')!.textContent).toContain('signedOff.signedAt');
    expect(form.querySelector('[data-role="baseline-current"]')!.textContent).toContain('8.8.8');
    makeWidget('advanced-settings', { baseline: value }).callbacks.advancedSettings();
    expect(document.querySelector('[data-role="panel-notice"]')!.textContent).toContain('signedOff.signedAt');
  });
});
