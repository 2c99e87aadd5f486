import type { HostApp, WidgetSystemMethods } from './host';
import { isLang, type Lang } from '../i18n/langs';
import type { Dictionary } from '../i18n/translate';

/** Top-level i18n namespaces, so the dictionary can be rebuilt from `self.i18n` when `self.langs` is absent. */
export const NAMESPACES = [
  'widget',
  'settings',
  'advanced',
  'errors',
  'areas',
  'outcomes',
  'severity',
  'parts',
  'rules',
  'items',
  'fix',
  'ui',
  'cli',
  'export',
  'preflight',
  'score',
  'blueprint',
] as const;

/** The global APP (or its deprecated alias AMOCRM), if the page has one. */
export function hostApp(): HostApp | undefined {
  return globalThis.APP ?? globalThis.AMOCRM;
}

/**
 * The CRM user's language: one of the product's (src/i18n/langs.ts; Kommo reports a region at times, `pt_BR`/`pt-BR`,
 * read by its first two letters); any other language falls back to en, and no language at all to ru (amoCRM's default).
 */
export function hostLang(): Lang {
  const raw = hostApp()?.lang_id ?? (typeof document !== 'undefined' ? document.documentElement.lang : '') ?? '';
  const code = String(raw).slice(0, 2).toLowerCase();
  // The widget ships exactly the product's languages (manifest.json `locale` = i18n/<lang>.json = LANGS).
  if (isLang(code)) return code;
  return code ? 'en' : 'ru';
}

/** The current locale's dictionary as the CRM loaded it from i18n/<lang>.json. */
export function hostDictionary(self: Partial<WidgetSystemMethods>): Dictionary {
  if (self.langs && typeof self.langs === 'object') return self.langs as Dictionary;
  const dict: Dictionary = {};
  for (const ns of NAMESPACES) {
    const value = self.i18n?.(ns);
    if (value && typeof value === 'object') dict[ns] = value as Dictionary;
  }
  return dict;
}

/** True when the CRM shows this widget's advanced settings page. */
export function isAdvancedPage(self: Partial<WidgetSystemMethods>, code: string): boolean {
  const app = hostApp();
  if (app?.getWidgetsArea?.() === `advanced-settings:${code}`) return true;
  if (app?.widgets?.system?.area === 'advanced-settings') return true;
  try {
    if (self.system?.().area === 'advanced-settings') return true;
  } catch {
    // system() may be missing in some areas; the path check below still decides.
  }
  return typeof location !== 'undefined' && location.pathname.startsWith(`/settings/widgets/${code}/`);
}

/** Whether the viewing user is an account admin (APP.constant('user_rights').is_admin). */
export function hostIsAdmin(): boolean {
  const rights = hostApp()?.constant('user_rights');
  return rights?.is_admin === true || rights?.is_admin === 'Y';
}
