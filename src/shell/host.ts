/**
 * Typed declarations of the amoCRM / Kommo widget host (shared/reference/amocrm-widget-platform.md §3–§4).
 * `@amocrm/widget-types-community` is not published, so these are written from the documented facts.
 */

/** Minimal jQuery surface the host hands to callbacks (the settings modal body). */
export interface JQueryLike {
  readonly length: number;
  [index: number]: HTMLElement;
}

/** An entry of `APP.constant('managers')`. */
export interface HostManager {
  id: string | number;
  title: string;
  active: boolean;
  login?: string;
  is_admin: 'Y' | 'N';
  free_user?: 'Y' | 'N';
  group?: string;
}

/** `APP.constant('user')`. */
export interface HostUser {
  id: number;
  login?: string;
  name: string;
  theme?: string;
  [key: string]: unknown;
}

/** `APP.constant('user_rights')`: at least is_admin and is_free_user. */
export interface HostUserRights {
  is_admin: boolean | 'Y' | 'N';
  is_free_user?: boolean | 'Y' | 'N';
  [key: string]: unknown;
}

/** `APP.constant('account')` (documented subset). */
export interface HostAccount {
  id: number;
  name?: string;
  subdomain?: string;
  [key: string]: unknown;
}

/** Documented keys of APP.constant. */
export interface HostConstants {
  user: HostUser;
  user_rights: HostUserRights;
  account: HostAccount;
  managers: Record<string, HostManager>;
  groups: Record<string, string>;
  task_types: Record<string, unknown>;
}

/** The global `APP` object (`AMOCRM` is its deprecated alias). */
export interface HostApp {
  constant<K extends keyof HostConstants>(key: K): HostConstants[K];
  getWidgetsArea?(): string;
  getBaseEntity?(): string;
  isCard?(): boolean;
  lang_id?: string;
  notifications?: {
    show_message?(params: { header: string; text: string; date?: number; icon?: string }): void;
    show_message_error?(params: { header: string; text: string; date?: number }): void;
  };
  widgets?: { system?: { area?: string } };
}

/** What `self.get_settings()` / `self.params` hold. */
export interface WidgetSettings {
  widget_code: string;
  path: string;
  version?: string;
  id?: string | number;
  active?: 'Y' | 'N';
  widget_active?: 'Y' | 'N';
  status?: 'install' | 'installed' | 'not_configured';
  images_path?: string;
  /** Manifest settings field values (our `baseline` custom field holds JSON). */
  [field: string]: unknown;
}

/** What `self.system()` returns. */
export interface WidgetSystem {
  area: string;
  amouser?: string;
  amouser_id?: number;
  subdomain?: string;
  domain?: string;
  server?: string;
  [key: string]: unknown;
}

/** System methods amoCRM injects into the constructed widget object. */
export interface WidgetSystemMethods {
  i18n(key: string): unknown;
  langs?: Record<string, unknown>;
  get_settings(): WidgetSettings;
  params?: WidgetSettings;
  system(): WidgetSystem;
  get_version?(): string;
  set_settings?(values: Record<string, unknown>): void;
  render?(template: unknown, data?: unknown): string;
}

/** `onSave` argument. */
export interface SaveEvent {
  active: 'Y' | 'N' | boolean;
  fields: Record<string, unknown>;
}

/** The callbacks the CRM calls by name. */
export interface WidgetCallbacks {
  render(): boolean;
  init(): boolean;
  bind_actions(): boolean;
  settings($modalBody: JQueryLike | HTMLElement): void;
  onSave(event: SaveEvent): boolean;
  destroy(): void;
  advancedSettings(): void;
}

/** The widget object as the CRM sees it after injecting system methods. */
export type HostWidget = Partial<WidgetSystemMethods> & { callbacks: WidgetCallbacks };

declare global {
  // eslint-disable-next-line no-var
  var APP: HostApp | undefined;
  // eslint-disable-next-line no-var
  var AMOCRM: HostApp | undefined;
}
