// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { mountWithFake, one, t } from './harness';
import { FakeRunner } from './fake-runner';
import { mountPanel } from '../../src/ui/mount';
import { localFixViews } from '../../src/ui/fix-views-local';
import { localDocumentViews } from '../../src/ui/document-views-local';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('downloads from the header', () => {
  it('the document button says it is preparing, ignores a second click, and comes back', async () => {
    const h = mountWithFake({ withDocument: true });
    cleanup = h.unmount;
    let release!: () => void;
    let calls = 0;
    h.runner.downloadDocument = () => {
      calls++;
      return new Promise<void>((r) => {
        release = r;
      });
    };
    const button = await waitFor(() => one<HTMLButtonElement>(h.el, '[data-action="download-document"]'));
    fireEvent.click(button);
    await waitFor(() => expect(one(h.el, '[data-action="download-document"]').textContent).toMatch(/Preparing/));
    expect(one<HTMLButtonElement>(h.el, '[data-action="download-document"]').disabled).toBe(true);
    await h.store.dispatch({ type: 'download-document' }).catch(() => undefined);
    expect(calls).toBe(1);
    release();
    await waitFor(() => expect(one<HTMLButtonElement>(h.el, '[data-action="download-document"]').disabled).toBe(false));
  });

  it('the JSON report button appears only when the runner can save one, and calls it', async () => {
    const without = mountWithFake();
    await waitFor(() => one(without.el, '[data-score]'));
    expect(without.el.querySelector('[data-action="download-report"]')).toBeNull();
    without.unmount();

    // The panel decides at mount time from the runner's methods.
    let saved = 0;
    const runner = new FakeRunner();
    runner.downloadReport = async () => {
      saved++;
    };
    const el = document.createElement('div');
    document.body.append(el);
    const mounted = mountPanel(el, {
      fixViews: async () => localFixViews,
      documentViews: async () => localDocumentViews,
      runner,
      t,
      lang: 'en',
    });
    cleanup = () => {
      mounted.unmount();
      el.remove();
    };
    fireEvent.click(await waitFor(() => one(el, '[data-action="download-report"]')));
    await waitFor(() => expect(saved).toBe(1));
  });
});
