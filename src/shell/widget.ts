import type { HostWidget, JQueryLike, SaveEvent, WidgetCallbacks, WidgetSystemMethods } from './host';
import { hostApp, hostDictionary, hostLang, isAdvancedPage } from './host-context';
import { mountOnce, unmountAll } from './mount';
import { createPanel } from './panel';
import { createSettingsIntro } from './settings-intro';
import { createTranslator } from '../i18n/translate';

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
  const account = hostApp()?.constant('account');
  mountOnce(el, (target) => createPanel(target, {
    t: translator(self),
    accountName: String(account?.name ?? account?.subdomain ?? ''),
    code,
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
      mountOnce(el, (target) => createSettingsIntro(target, { t: translator(self), code }));
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
