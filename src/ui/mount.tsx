import { render } from 'preact';
import type { Report } from '../audit/types';
import type { Lang, Translate } from '../i18n/translate';
import type { PanelRunner } from './runner-port';
import type { LoadFixViews } from './fix-views';
import type { LoadDocumentViews } from './document-views';
import { createPanelStore } from './store';
import type { PanelStore } from './store';
import { ErrorBoundary } from './ErrorBoundary';
import { Panel } from './Panel';
import { SettingsIntro } from './SettingsIntro';
import { BaselineSettings, type BaselineSettingsProps } from './BaselineSettings';
import { SignOffSettings, type SignOffSettingsProps } from './SignOffSettings';

/** What the shell hands the panel. */
export interface PanelDeps {
  runner: PanelRunner;
  t: Translate;
  lang: Lang;
  /** The account's name as the CRM shows it (rendered as text). */
  accountName?: string | null;
  /** A report to show before the first audit finishes (e.g. the last one saved). */
  report?: Report | null;
  /** Start an audit right away (default true). */
  autoRun?: boolean;
  /** A line about the setup to show above the report (translated). */
  notice?: string | null;
  /** The fix dialog's views, loaded on the first click (the widget: from fixes.js; tests: localFixViews). */
  fixViews: LoadFixViews;
  /** The views of an import check's result and a document's plan (the widget: from documents.js). */
  documentViews: LoadDocumentViews;
}

/** A mounted UI. */
export interface Mounted {
  unmount(): void;
}

// A global symbol, so that even a second copy of the bundle finds and replaces the first panel.
const MOUNTED = Symbol.for('setup-audit.mounted');
type Marked = HTMLElement & { [MOUNTED]?: Mounted };

function replaceExisting(el: Marked): void {
  el[MOUNTED]?.unmount();
  el.replaceChildren();
}

function track(el: Marked, unmountFn: () => void): Mounted {
  let alive = true;
  const handle: Mounted = {
    unmount() {
      if (!alive) return;
      alive = false;
      unmountFn();
      render(null, el);
      if (el[MOUNTED] === handle) delete el[MOUNTED];
    },
  };
  el[MOUNTED] = handle;
  return handle;
}

/** Mounts the Setup Audit panel into `el`, replacing a panel already there; starts the first audit. */
export function mountPanel(el: HTMLElement, deps: PanelDeps): Mounted & { store: PanelStore } {
  replaceExisting(el);
  const store = createPanelStore({ runner: deps.runner, report: deps.report ?? null, autoRun: deps.autoRun });
  render(
    <ErrorBoundary t={deps.t}>
      <Panel
        store={store}
        t={deps.t}
        lang={deps.lang}
        canFix={deps.runner.canFix}
        whyNoFix={deps.runner.whyNoFix ?? null}
        canDownloadDocument={typeof deps.runner.downloadDocument === 'function'}
        canDownloadReport={typeof deps.runner.downloadReport === 'function'}
        canApplyDocument={typeof deps.runner.applyDocument === 'function'}
        accountName={deps.accountName ?? null}
        notice={deps.notice ?? null}
        fixViews={deps.fixViews}
        documentViews={deps.documentViews}
      />
    </ErrorBoundary>,
    el,
  );
  // Leaving the page must not leave a gather (or an import check) running against the API.
  const handle = track(el, () => {
    void store.dispatch({ type: 'cancel-audit' });
    void store.dispatch({ type: 'cancel-preflight' });
  });
  void store.dispatch({ type: 'init' });
  return { ...handle, store };
}

/** Mounts the settings-modal intro (and, when given, the baseline choice) into `el`, replacing what was there. */
export function mountSettingsIntro(
  el: HTMLElement,
  deps: {
    t: Translate;
    onOpen: () => void;
    baseline?: Omit<BaselineSettingsProps, 't'>;
    signOff?: Omit<SignOffSettingsProps, 't'>;
  },
): Mounted {
  replaceExisting(el);
  render(
    <ErrorBoundary t={deps.t}>
      {/* One root: the baseline part must sit under .setup-audit too, or none of its styles apply. */}
      <div class="setup-audit sa-intro">
        <SettingsIntro t={deps.t} onOpen={deps.onOpen} />
        {deps.baseline && <BaselineSettings t={deps.t} {...deps.baseline} />}
        {deps.signOff && <SignOffSettings t={deps.t} {...deps.signOff} />}
      </div>
    </ErrorBoundary>,
    el,
  );
  return track(el, () => {});
}
