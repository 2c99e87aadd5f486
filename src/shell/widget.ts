import type { HostWidget, JQueryLike, SaveEvent, WidgetCallbacks, WidgetSystemMethods } from './host';
import { hostApp, hostDictionary, hostIsAdmin, hostLang, isAdvancedPage } from './host-context';
import { mountOnce, unmountAll } from './mount';
import { createPanel } from './panel';
import { createTranslator } from '../i18n/translate';
import { mountSettingsIntro } from '../ui/mount';
import { downloadFile } from '../runner/download';
import { ensureStyles } from './styles';
import { baselineSettingText, writeSettingInput } from './baseline-setting';

type Self = Partial<WidgetSystemMethods> & { callbacks?: WidgetCallbacks };

function widgetCode(self: Self): string {
  const settings = self.get_settings?.() ?? self.params;
  return String(settings?.widget_code ?? '');
}

function translator(self: Self) {
  return createTranslator(hostDictionary(self), hostLang());
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
        id: account?.id ?? account?.subdomain ?? 'account',
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
  // A baseline chosen in the settings modal, saved by the CRM with the modal (custom field `baseline`).
  let pendingBaseline: string | undefined;
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
      const saved = baselineSettingText(settings?.baseline);
      mountOnce(ownContainer(body), (target) =>
        mountSettingsIntro(target, {
          t: translator(self),
          // The advanced settings page of this widget; the CRM opens it by URL.
          onOpen: () => {
            location.assign(`/settings/widgets/${encodeURIComponent(code)}/`);
          },
          baseline: {
            lang: hostLang(),
            saved,
            onChange: (text) => {
              pendingBaseline = text;
              const input = fieldInput(body, 'baseline');
              if (input) writeSettingInput(input, text);
            },
            download: (name, text) => downloadFile(name, text, 'application/json'),
          },
        }),
      );
    },
    onSave(event: SaveEvent) {
      if (pendingBaseline !== undefined && event?.fields) event.fields.baseline = pendingBaseline;
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
