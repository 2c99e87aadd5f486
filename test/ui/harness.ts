import { waitFor } from '@testing-library/preact';
import en from '../../i18n/en.json';
import { createTranslator } from '../../src/i18n/translate';
import type { Dictionary } from '../../src/i18n/translate';
import { mountPanel } from '../../src/ui/mount';
import type { PanelDeps } from '../../src/ui/mount';
import { FakeRunner } from './fake-runner';
import type { FakeOptions } from './fake-runner';
import { localFixViews } from '../../src/ui/fix-views-local';
import { localDocumentViews } from '../../src/ui/document-views-local';

/** The English translator over the real dictionary (a missing key would render as the key and fail assertions). */
export const t = createTranslator(en as unknown as Dictionary, 'en');

/** Mounts the panel with a fake runner into a fresh element of document.body. */
export function mountWithFake(opts: FakeOptions = {}, deps: Partial<PanelDeps> = {}) {
  const runner = new FakeRunner(opts);
  const el = document.createElement('div');
  document.body.appendChild(el);
  const mounted = mountPanel(el, {
    fixViews: async () => localFixViews,
    documentViews: async () => localDocumentViews,
    runner,
    t,
    lang: 'en',
    ...deps,
  });
  return {
    runner,
    el,
    store: mounted.store,
    unmount() {
      mounted.unmount();
      el.remove();
    },
  };
}

/** Query helper: the only element matching `selector` inside `root`, failing loudly otherwise. */
export function one<E extends Element = HTMLElement>(root: ParentNode, selector: string): E {
  const found = root.querySelectorAll<E>(selector);
  if (found.length !== 1) throw new Error(`expected one ${selector}, found ${found.length}`);
  return found[0]!;
}

const mounted: (() => void)[] = [];

/**
 * Mounts the panel over a fake runner and waits for the first report; `unmountAll()` (in afterEach)
 * takes down everything mounted this way.
 */
export async function mountReady(...args: Parameters<typeof mountWithFake>) {
  const h = mountWithFake(...args);
  mounted.push(h.unmount);
  await waitFor(() => one(h.el, '[data-score]'));
  return h;
}

/** Unmounts every panel mountReady made. */
export function unmountAll(): void {
  for (const unmount of mounted.splice(0)) unmount();
}
