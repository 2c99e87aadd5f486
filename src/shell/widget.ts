import type { HostWidget, JQueryLike, SaveEvent, WidgetCallbacks, WidgetSystemMethods } from './host';
import { hostApp, hostDictionary, hostIsAdmin, hostLang, isAdvancedPage } from './host-context';
import { mountOnce, unmountAll } from './mount';
import { createPanel } from './panel';
import { createTranslator } from '../i18n/translate';
import { mountSettingsIntro } from '../ui/mount';

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
  const app = hostApp();
  const account = app?.constant('account');
  const user = app?.constant('user');
  const lang = hostLang();
  const dict = hostDictionary(self);
  const settings = self.get_settings?.() ?? self.params;
  mountOnce(el, (target) => createPanel(target, {
    t: createTranslator(dict, lang), lang, dict,
    account: { id: account?.id ?? account?.subdomain ?? 'account', name: String(account?.name ?? account?.subdomain ?? '') },
    user: { id: Number(user?.id ?? 0), name: String(user?.name ?? '') },
    isAdmin: hostIsAdmin(),
    baselineText: typeof settings?.baseline === 'string' ? settings.baseline : null,
    widgetPath: String(settings?.path ?? ''),
  }));
}

function modalElement(body: JQueryLike | HTMLElement): HTMLElement | null {
  if (body instanceof HTMLElement) return body;
  return body && body.length > 0 ? body[0] : null;
}

/**
 * The widget constructor the CRM instantiates. A plain function, not a class: the CRM injects its system
 * methods (i18n, get_settings, system, render …) into the constructed object.
 */
export default function SetupAuditWidget(this: HostWidget): HostWidget {
  const self: Self = this;
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
      const el = modalElement($modalBody);
      if (!el) return;
      const code = widgetCode(self);
      mountOnce(el, (target) => mountSettingsIntro(target, {
        t: translator(self),
        // The advanced settings page of this widget; the CRM opens it by URL.
        onOpen: () => { location.assign(`/settings/widgets/${encodeURIComponent(code)}/`); },
      }));
    },
    onSave(_event: SaveEvent) {
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
