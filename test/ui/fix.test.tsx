// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { one, mountReady, unmountAll } from './harness';
import { deferred } from './fake-runner';
import { reportFixture } from './fixtures';

afterEach(unmountAll);
const setup = mountReady;

const dialog = (el: HTMLElement) => one(el, '[role="dialog"]');
const fixButton = (el: HTMLElement, ruleId: string) => one(el, `[data-rule-id="${ruleId}"] [data-action="fix"]`);

describe('fix flow', () => {
  it('preview → confirm → per-op result → the report after the fix', async () => {
    const after = reportFixture({ score: 90, grade: 'A' });
    const { el, runner } = await setup({ reports: [reportFixture(), after] });
    fireEvent.click(fixButton(el, 'required-at-entry-stage'));
    await waitFor(() => expect(dialog(el).querySelectorAll('.sa-op')).toHaveLength(2));
    expect(runner.calls.previewFix).toEqual([['required-at-entry-stage']]);
    expect(runner.calls.applyFix).toEqual([]);
    const d = dialog(el);
    expect(d.getAttribute('aria-modal')).toBe('true');
    expect(d.textContent).toContain('Safe');
    expect(d.textContent).toContain('2 operations');
    // Op summaries are translated Messages; the test keys are absent, so the key itself shows.
    expect([...d.querySelectorAll('.sa-op__summary')].map((s) => s.textContent)).toEqual([
      'fix.test.unrequire',
      'fix.test.unrequire',
    ]);
    fireEvent.click(one(d, '[data-action="confirm-fix"]'));
    await waitFor(() =>
      expect(one(el, '[data-role="fix-outcome"]').textContent).toBe('Applied: 2, failed: 0, not attempted: 0.'),
    );
    expect(runner.calls.applyFix).toEqual([['required-at-entry-stage']]);
    expect([...dialog(el).querySelectorAll('[data-op-status]')].map((o) => o.getAttribute('data-op-status'))).toEqual([
      'applied',
      'applied',
    ]);
    // The apply answers with the re-audited report: the panel shows it without starting an audit itself.
    await waitFor(() => expect(one(el, '[data-score]').getAttribute('data-score')).toBe('90'));
    expect(runner.calls.runAudit).toBe(1);
    // The journal is reloaded: the applied fix appears with Undo.
    await waitFor(() => expect(el.querySelectorAll('[data-action="undo"]')).toHaveLength(1));
    fireEvent.click(one(el, '[data-action="close-dialog"]'));
    await waitFor(() => expect(el.querySelector('[role="dialog"]')).toBeNull());
  });

  it('reports exactly which ops were applied, failed and not attempted', async () => {
    const { el } = await setup({ failOp: 'loss-reason-missing#1' });
    fireEvent.click(fixButton(el, 'loss-reason-missing'));
    await waitFor(() => one(el, '[data-action="confirm-fix"]'));
    expect(dialog(el).textContent).toContain('Needs confirmation');
    fireEvent.click(one(el, '[data-action="confirm-fix"]'));
    await waitFor(() =>
      expect(one(el, '[data-role="fix-outcome"]').textContent).toBe('Applied: 1, failed: 1, not attempted: 1.'),
    );
    const statuses = [...dialog(el).querySelectorAll('[data-op-status]')].map((o) => o.getAttribute('data-op-status'));
    expect(statuses).toEqual(['applied', 'failed', 'not-attempted']);
    expect(dialog(el).textContent).toContain('HTTP 400: validation failed');
  });

  it('confirm ignores a second click while applying', async () => {
    const gate = deferred();
    const { el, runner } = await setup({ applyGate: gate });
    fireEvent.click(fixButton(el, 'required-at-entry-stage'));
    const confirm = await waitFor(() => one(el, '[data-action="confirm-fix"]'));
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    await waitFor(() => expect(one(el, '[data-action="confirm-fix"]').hasAttribute('disabled')).toBe(true));
    fireEvent.click(one(el, '[data-action="confirm-fix"]'));
    // While writes are in flight the dialog cannot be dismissed either.
    fireEvent.keyDown(dialog(el), { key: 'Escape' });
    expect(el.querySelector('[role="dialog"]')).not.toBeNull();
    expect(one(el, '[data-action="close-dialog"]').hasAttribute('disabled')).toBe(true);
    gate.resolve();
    await waitFor(() => one(el, '[data-role="fix-outcome"]'));
    expect(runner.calls.applyFix).toHaveLength(1);
  });

  it('"Fix all safe" previews only the safe fixes, through preview and confirm', async () => {
    const { el, runner } = await setup();
    const all = one(el, '[data-action="fix-all-safe"]');
    expect(all.textContent).toBe('Fix all safe (2)');
    fireEvent.click(all);
    await waitFor(() => expect(dialog(el).querySelectorAll('[data-plan-rule-id]')).toHaveLength(2));
    expect(runner.calls.previewFix).toEqual([['required-statuses-stale', 'required-at-entry-stage']]);
    const kinds = [...dialog(el).querySelectorAll('[data-plan-rule-id]')].map((p) => p.getAttribute('data-kind'));
    expect(kinds).toEqual(['safe', 'safe']);
    expect(runner.calls.applyFix).toEqual([]);
    fireEvent.click(one(el, '[data-action="confirm-fix"]'));
    await waitFor(() =>
      expect(one(el, '[data-role="fix-outcome"]').textContent).toBe('Applied: 3, failed: 0, not attempted: 0.'),
    );
    expect(runner.calls.applyFix).toEqual([['required-statuses-stale', 'required-at-entry-stage']]);
  });

  it('"Fix all safe" drops a confirm-kind plan even if the runner returns one', async () => {
    const plans = (await import('./fake-runner')).defaultPlans().map((p) => ({ ...p, kind: 'confirm' as const }));
    const { el, runner } = await setup({ plans });
    fireEvent.click(one(el, '[data-action="fix-all-safe"]'));
    await waitFor(() => expect(dialog(el).textContent).toContain('Nothing to change'));
    expect(el.querySelector('[data-action="confirm-fix"]')).toBeNull();
    expect(runner.calls.applyFix).toEqual([]);
  });
});

describe('dialog accessibility', () => {
  it('moves focus in, traps Tab, closes on Escape and returns focus to the trigger', async () => {
    const { el, runner } = await setup();
    const trigger = fixButton(el, 'required-at-entry-stage');
    trigger.focus();
    fireEvent.click(trigger);
    const confirm = await waitFor(() => one(el, '[data-action="confirm-fix"]'));
    const d = dialog(el);
    expect(d.getAttribute('aria-labelledby')).toBe('sa-fix-title');
    expect(one(el, '#sa-fix-title').textContent).toBe('Fix preview');
    expect(d.contains(document.activeElement)).toBe(true);
    const close = one(d, '[data-action="close-dialog"]');
    // Tab from the last control wraps to the first; Shift+Tab from the first wraps to the last.
    const first = one(d, '[data-action="include-plan"]');
    expect(confirm.hasAttribute('disabled')).toBe(false);
    close.focus();
    fireEvent.keyDown(close, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(close);
    // Focus that escapes (here: a control behind the overlay) is pulled back into the dialog.
    one(el, '[data-action="rerun"]').focus();
    expect(d.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(d, { key: 'Escape' });
    await waitFor(() => expect(el.querySelector('[role="dialog"]')).toBeNull());
    expect(document.activeElement).toBe(trigger);
    expect(runner.calls.applyFix).toEqual([]);
  });
});
