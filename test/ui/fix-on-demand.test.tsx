// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { one, mountReady, unmountAll } from './harness';
import { deferred } from './fake-runner';
import { cachedLoader } from '../../src/runner/cached-loader';
import { localFixViews } from '../../src/ui/fix-views-local';
import type { FixViews } from '../../src/ui/fix-views';

afterEach(unmountAll);

const dialogs = (el: HTMLElement) => el.querySelectorAll('[role="dialog"]');
const fixButton = (el: HTMLElement, ruleId: string) => one(el, `[data-rule-id="${ruleId}"] [data-action="fix"]`);

// The fix dialog comes with fixes.js on the first click; the widget's loader is the shell's cached one.
describe('fix dialog loaded on demand', () => {
  it('while it loads the dialog says the preview is prepared; a double click loads once and opens one dialog', async () => {
    const gate = deferred();
    const load = vi.fn(async (): Promise<FixViews> => {
      await gate.promise;
      return localFixViews;
    });
    const { el, runner } = await mountReady({}, { fixViews: cachedLoader(load) });
    fireEvent.click(fixButton(el, 'required-at-entry-stage'));
    fireEvent.click(fixButton(el, 'required-at-entry-stage'));
    await waitFor(() => expect(dialogs(el)).toHaveLength(1));
    expect(one(el, '[role="dialog"]').textContent).toContain('Preparing the preview…');
    gate.resolve();
    await waitFor(() => expect(one(el, '[role="dialog"]').querySelectorAll('.sa-op')).toHaveLength(2));
    expect(dialogs(el)).toHaveLength(1);
    expect(load).toHaveBeenCalledTimes(1);
    expect(runner.calls.previewFix).toEqual([['required-at-entry-stage']]);
    // Opened again, the dialog is there at once: nothing is loaded a second time.
    fireEvent.click(one(el, '[data-action="close-dialog"]'));
    await waitFor(() => expect(dialogs(el)).toHaveLength(0));
    fireEvent.click(fixButton(el, 'required-at-entry-stage'));
    await waitFor(() => expect(one(el, '[role="dialog"]').querySelectorAll('.sa-op')).toHaveLength(2));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a file that cannot load: the dialog says why, closes, and the rest of the panel keeps working', async () => {
    const load = vi
      .fn<() => Promise<FixViews>>()
      .mockRejectedValueOnce(new Error('fixes.js: Script error for "/widgets/setup_audit/fixes.js"'))
      .mockResolvedValue(localFixViews);
    const { el, runner } = await mountReady({}, { fixViews: cachedLoader(load) });
    fireEvent.click(fixButton(el, 'required-at-entry-stage'));
    await waitFor(() => one(el, '[data-role="fix-unavailable"]'));
    expect(one(el, '[data-role="fix-unavailable"]').textContent).toBe(
      'The fix preview could not be loaded: fixes.js: Script error for "/widgets/setup_audit/fixes.js"',
    );
    expect(one(el, '[data-action="close-dialog"]').textContent).toBe('Close');
    fireEvent.click(one(el, '[data-action="close-dialog"]'));
    await waitFor(() => expect(dialogs(el)).toHaveLength(0));
    // The audit is untouched: its report stays, and it can be run again.
    expect(one(el, '[data-score]').getAttribute('data-score')).toBe('72');
    fireEvent.click(one(el, '[data-action="rerun"]'));
    await waitFor(() => expect(runner.calls.runAudit).toBe(2));
    // The next click tries the file again, and this time the preview shows.
    fireEvent.click(fixButton(el, 'required-at-entry-stage'));
    await waitFor(() => expect(one(el, '[role="dialog"]').querySelectorAll('.sa-op')).toHaveLength(2));
    expect(load).toHaveBeenCalledTimes(2);
  });
});
