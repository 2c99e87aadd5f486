import type { HostWidget, JQueryLike, SaveEvent, WidgetCallbacks, WidgetSystemMethods } from './host';
import { hostApp, hostDictionary, hostIsAdmin, hostLang, isAdvancedPage } from './host-context';
import { mountOnce, unmountAll } from './mount';
import { createPanel } from './panel';
import { createTranslator } from '../i18n/translate';
import { mountSettingsIntro } from '../ui/mount';
import { downloadFile } from '../runner/download';
import { ensureStyles } from './styles';
import { baselineSettingText, writeSettingInput } from './baseline-setting';
import { readSettingValue, settingFits, settingValueText, type SettingValue } from '../blueprint/setting-value';
import type { SignedOff } from '../blueprint/signed-off';
import type { Message } from '../audit/types';
import { signOffStage } from '../runner/sign-off-stage';
import type { HostApp } from './host';

type Self = Partial<WidgetSystemMethods> & { callbacks?: WidgetCallbacks };

function widgetCode(self: Self): string {
  const settings = self.get_settings?.() ?? self.params;
  return String(settings?.widget_code ?? '');
}

function translator(self: Self) {
  return createTranslator(hostDictionary(self), hostLang());
}

/** The key this account's journal, ticks and staged sign-off are stored under (the panel and the modal agree on it). */
function accountKeyOf(app: HostApp | undefined): string {
  const account = app?.constant('account');
  return String(account?.id ?? account?.subdomain ?? 'account');
}

function signOffView(s: SignedOff | null) {
  return s && { signedAt: s.signedAt, by: s.by, source: s.source };
}

/** Mount the panel into #work-area-<code> if the page has it; safe to call repeatedly. */
function mountPanelIfPresent(self: Self): void {
  const code = widgetCode(self);
  const el = code ? document.getElementById(`work-area-${code}`) : null;
  if (!el) return;
  const params = self.get_settings?.() ?? self.params;
  ensureStyles(String(params?.path ?? ''), params?.version);
  const app = hostApp();
  const account = app?.constant('account');
  const user = app?.constant('user');
  const lang = hostLang();
  const dict = hostDictionary(self);
  const settings = self.get_settings?.() ?? self.params;
  mountOnce(el, (target) =>
    createPanel(target, {
      t: createTranslator(dict, lang),
      lang,
      dict,
      account: {
        id: accountKeyOf(app),
        name: String(account?.name ?? account?.subdomain ?? ''),
      },
      user: { id: Number(user?.id ?? 0), name: String(user?.name ?? '') },
      isAdmin: hostIsAdmin(),
      baselineText: baselineSettingText(settings?.baseline),
      widgetPath: String(settings?.path ?? ''),
    }),
  );
}

/** Our own element inside the CRM's modal body, so mounting never touches the CRM's form. */
function ownContainer(body: HTMLElement): HTMLElement {
  const existing = body.querySelector<HTMLElement>(':scope > .setup-audit-settings');
  if (existing) return existing;
  const el = document.createElement('div');
  el.className = 'setup-audit-settings';
  body.append(el);
  return el;
}

/** The modal's input of a manifest settings field (the CRM renders a hidden one for `custom` fields). */
function fieldInput(body: HTMLElement, name: string): HTMLInputElement | null {
  const scope = body.closest('form') ?? body.closest('.modal') ?? body;
  return (
    scope.querySelector<HTMLInputElement>(`input[name="${name}"]`) ??
    document.querySelector<HTMLInputElement>(`input[name="${name}"]`)
  );
}

function modalElement(body: JQueryLike | HTMLElement): HTMLElement | null {
  if (body instanceof HTMLElement) return body;
  return body?.[0] ?? null;
}

/**
 * The widget constructor the CRM instantiates. A plain function, not a class: the CRM injects its system
 * methods (i18n, get_settings, system, render …) into the constructed object.
 */
export default function SetupAuditWidget(this: HostWidget): HostWidget {
  const self: Self = this;
  // The setting as the modal will save it (custom field `baseline`: the baseline, and a signed-off set-up beside it).
  let pendingSetting: string | undefined;
  let clearStage: (() => void) | null = null;
  this.callbacks = {
    render() {
      if (isAdvancedPage(self, widgetCode(self))) mountPanelIfPresent(self);
      return true;
    },
    init() {
      return true;
    },
    bind_actions() {
      return true;
    },
    settings($modalBody) {
      const body = modalElement($modalBody);
      if (!body) return;
      const code = widgetCode(self);
      const settings = self.get_settings?.() ?? self.params;
      ensureStyles(String(settings?.path ?? ''), settings?.version);
      const read = readSettingValue(baselineSettingText(settings?.baseline));
      const stage = signOffStage(globalThis.localStorage, accountKeyOf(hostApp()));
      const stagedRaw = stage.load();
      const staged = stagedRaw && stagedRaw.signedAt !== read.signedOff?.signedAt ? stagedRaw : null;
      const value: SettingValue = { baselineText: read.baselineText, signedOff: staged ?? read.signedOff };
      // Writes the setting into the modal's input; refused (and nothing changed) when it would be too large.
      const write = (next: SettingValue): Message | null => {
        const text = settingValueText(next);
        const size = settingFits(text);
        if (!size.fits) {
          return {
            key: 'blueprint.signOff.tooLarge',
            params: { size: Math.ceil(size.bytes / 1000), max: Math.floor(size.max / 1000) },
          };
        }
        Object.assign(value, next);
        pendingSetting = text;
        const input = fieldInput(body, 'baseline');
        if (input) writeSettingInput(input, text);
        return null;
      };
      clearStage = () => stage.clear();
      // A sign-off staged on the audit page goes into the input at once: Save keeps it.
      if (staged) write(value);
      mountOnce(ownContainer(body), (target) =>
        mountSettingsIntro(target, {
          t: translator(self),
          // The advanced settings page of this widget; the CRM opens it by URL.
          onOpen: () => {
            location.assign(`/settings/widgets/${encodeURIComponent(code)}/`);
          },
          baseline: {
            lang: hostLang(),
            saved: read.baselineText,
            onChange: (text) => write({ ...value, baselineText: text === '' ? null : text }),
            download: (name, text) => downloadFile(name, text, 'application/json'),
          },
          signOff: {
            lang: hostLang(),
            saved: signOffView(read.signedOff),
            staged: signOffView(staged),
            problem: read.problem,
            onRemove: () => write({ ...value, signedOff: null }),
            // The setting as the CLI reads it: `setup-audit audit --baseline setup-audit-setting.json` reports the same drift.
            download: () => downloadFile('setup-audit-setting.json', settingValueText(value), 'application/json'),
          },
        }),
      );
    },
    onSave(event: SaveEvent) {
      if (pendingSetting !== undefined && event?.fields) {
        event.fields.baseline = pendingSetting;
        // What was staged is now either saved or deliberately removed.
        clearStage?.();
      }
      return true;
    },
    destroy() {
      unmountAll();
    },
    advancedSettings() {
      mountPanelIfPresent(self);
    },
  };
  return this;
}
