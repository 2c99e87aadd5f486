import type { Mounted } from './mount';
import type { Dictionary, Lang, Translate } from '../i18n/translate';
import { ApiClient } from '../api/client';
import { useSharedSlots } from '../api/slots';
import { browserSlotStores } from '../api/slots-browser';
import { loadBaseline } from '../audit/baseline/load';
import { createPanelRunner } from '../runner/panel-runner';
import { mountPanel } from '../ui/mount';
import { loadDocumentsFrom } from './load-documents';
import { loadFixesFrom } from './load-fixes';
import { cachedLoader } from '../runner/cached-loader';
import { readSettingValue } from '../blueprint/setting-value';

/** What the shell knows when it mounts the panel. */
export interface PanelContext {
  t: Translate;
  lang: Lang;
  dict: Dictionary;
  account: { id: number | string; name: string };
  user: { id: number; name: string };
  isAdmin: boolean;
  /** The widget's saved setting (custom field): the baseline JSON, or it with a signed-off set-up; if any. */
  baselineText?: string | null;
  /** Base URL of the unpacked archive (`params.path`), where documents.js and fixes.js live. */
  widgetPath: string;
}

/** The Setup Audit panel, wired to the runner over the account's own API (same origin, login cookie). */
export function createPanel(el: HTMLElement, ctx: PanelContext): Mounted {
  // Every tab of this account takes its requests from one window (localStorage + Web Locks).
  useSharedSlots(browserSlotStores());
  const setting = readSettingValue(ctx.baselineText ?? null);
  const { baseline, error } = loadBaseline(setting.baselineText);
  // One load of each on-demand file serves both of its halves: the runner's engine and the panel's views.
  const fixes = cachedLoader(() => loadFixesFrom(ctx.widgetPath));
  const documents = cachedLoader(() => loadDocumentsFrom(ctx.widgetPath));
  const runner = createPanelRunner({
    client: new ApiClient({ baseUrl: '' }),
    baseline,
    lang: ctx.lang,
    dict: ctx.dict,
    accountKey: String(ctx.account.id),
    user: ctx.user,
    isAdmin: ctx.isAdmin,
    storage: globalThis.localStorage,
    documents: async () => (await documents()).engine,
    fixes: async () => (await fixes()).engine,
    setting,
  });
  const notices = [
    ...(error ? [ctx.t('ui.baseline.savedInvalid', { error: error.message })] : []),
    ...(setting.problem ? [ctx.t(setting.problem.key, setting.problem.params)] : []),
  ];
  const mounted = mountPanel(el, {
    runner,
    t: ctx.t,
    lang: ctx.lang,
    accountName: ctx.account.name,
    notice: notices.length ? notices.join(' ') : null,
    fixViews: async () => (await fixes()).views,
    documentViews: async () => (await documents()).views,
  });
  // The last report of this account (kept by the runner) shows at once, marked "refreshing…", while the new audit runs.
  return mounted;
}
