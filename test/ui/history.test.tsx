// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { one, mountReady, t, unmountAll } from './harness';

afterEach(unmountAll);
const setup = mountReady;

const entry = (id: string, batchId = `b-${id}`) => ({
  id,
  batchId,
  ruleId: 'required-at-entry-stage',
  title: { key: 'rules.required-at-entry-stage.fail' },
  appliedAt: '2025-03-01T10:05:00Z',
  by: 'Anna Admin',
  undoneAt: null,
  ops: [
    { summary: { key: 'fix.test.unrequire', params: { field: 'Budget' } }, status: 'applied' as const },
    { summary: { key: 'fix.test.unrequire', params: { field: 'Source' } }, status: 'applied' as const },
  ],
});

describe('history and undo', () => {
  it('a batch of several fixes can be undone as a whole from its first entry', async () => {
    const { el, runner } = await setup({ journal: [entry('j3', 'other'), entry('j2', 'b1'), entry('j1', 'b1')] });
    await waitFor(() => one(el, '[data-entry-id="j1"]'));
    const batchButtons = el.querySelectorAll('[data-action="undo-batch"]');
    expect(batchButtons).toHaveLength(1);
    expect(one(el, '[data-entry-id="j2"]').contains(batchButtons[0]!)).toBe(true);
    expect(batchButtons[0]!.textContent).toContain('2 fixes');
    // A batch reverts several fixes at once: it asks first, and "Keep them" sends nothing.
    fireEvent.click(batchButtons[0]!);
    const ask = await waitFor(() => one(el, '[data-role="confirm-undo-batch"]'));
    expect(ask.textContent).toContain('Undo all 2 fixes applied together?');
    fireEvent.click(one(ask, '[data-action="cancel-undo-batch"]'));
    await waitFor(() => expect(el.querySelector('[data-role="confirm-undo-batch"]')).toBeNull());
    expect(runner.calls.undo).toEqual([]);
    fireEvent.click(batchButtons[0]!);
    fireEvent.click(await waitFor(() => one(el, '[data-action="confirm-undo-batch"]')));
    await waitFor(() => expect(runner.calls.undo).toEqual([['j2', 'j1']]));
  });

  it('a timeline: every change with how it stands, and an undo that skips a change says why', async () => {
    const j = entry('j1', 'b1');
    const { el } = await setup({ journal: [j], undoSkips: [j.ops[0]!.summary.key] });
    const item = await waitFor(() => one(el, '[data-entry-id="j1"]'));
    expect([...item.querySelectorAll('.sa-timeline__op')].map((o) => o.getAttribute('data-op-status'))).toEqual(
      j.ops.map(() => 'applied'),
    );
    expect(item.textContent).toContain('in effect');
    fireEvent.click(one(item, '[data-action="undo"]'));
    await waitFor(() => expect(el.querySelectorAll('[data-role="undo-skipped"]')).toHaveLength(2));
    const skipped = el.querySelector('[data-role="undo-skipped"]')!;
    expect(skipped.getAttribute('data-op-status')).toBe('skipped');
    expect(skipped.textContent).toContain(
      'Nothing to restore: the API does not accept references to deleted stages, and they had no effect',
    );
  });

  it('lists applied fixes; undo reports conflicts with both values and brings the report after it', async () => {
    const conflict = {
      entryId: 'j1',
      summary: { key: 'fix.test.unrequire', params: { field: 'Source' } },
      expected: 'not required',
      actual: 'required at “Negotiation”',
    };
    const { el, runner } = await setup({ undoConflicts: [conflict], journal: [entry('j1')] });
    const item = await waitFor(() => one(el, '[data-entry-id="j1"]'));
    expect(item.textContent).toContain(t('rules.required-at-entry-stage.fail'));
    expect(item.textContent).toContain('Anna Admin');
    expect(item.textContent).toContain('2 operations');
    const audits = runner.calls.runAudit;
    fireEvent.click(one(item, '[data-action="undo"]'));
    await waitFor(() => expect(el.querySelectorAll('[data-role="conflict"]')).toHaveLength(1));
    expect(runner.calls.undo).toEqual([['j1']]);
    const c = one(el, '[data-role="conflict"]');
    expect(c.textContent).toContain('fix.test.unrequire');
    expect(c.textContent).toContain('the fix set “not required”, now it is “required at “Negotiation””');
    expect(one(el, '[data-role="undo-result"]').textContent).toContain('Reverted: 1, failed: 0, conflicts: 1.');
    // Undone entries lose their Undo button once the journal is reloaded; the report came with the undo,
    // so the panel starts no audit of its own.
    await waitFor(() => expect(el.querySelector('[data-action="undo"]')).toBeNull());
    expect(one(el, '[data-entry-id="j1"]').textContent).toMatch(/Undone/);
    expect(runner.calls.runAudit).toBe(audits);
  });

  it('a conflict on a role’s rights says the right in words, not the rights object the API holds', async () => {
    const rights = (exportLeads: string) => ({
      rights: {
        leads: { view: 'A', edit: 'A', add: 'A', delete: 'D', export: exportLeads },
        contacts: { export: 'D' },
      },
    });
    const conflict = {
      entryId: 'j1',
      summary: { key: 'fix.op.roleRight.export.leads', params: { role: 'Manager', before: 'A', after: 'D' } },
      expected: rights('D'),
      actual: rights('M'),
    };
    const j = {
      ...entry('j1'),
      ruleId: 'export-open',
      ops: [{ summary: conflict.summary, status: 'applied' as const }],
    };
    const { el } = await setup({ undoConflicts: [conflict], journal: [j] });
    fireEvent.click(await waitFor(() => one(el, '[data-entry-id="j1"] [data-action="undo"]')));
    const c = await waitFor(() => one(el, '[data-role="conflict"]'));
    expect(c.textContent).toContain('Role «Manager» — export deals: everyone → nobody');
    expect(c.textContent).toContain('the fix set “nobody”, now it is “own records only”');
    expect(c.textContent).not.toMatch(/[{}]/);
  });

  it('non-admins see the history without Undo', async () => {
    const { el } = await setup({ canFix: false, journal: [entry('j9')] });
    await waitFor(() => one(el, '[data-entry-id="j9"]'));
    expect(el.querySelector('[data-action="undo"]')).toBeNull();
  });

  it('the journal download goes through the port', async () => {
    const { el, runner } = await setup({ journal: [entry('j1')] });
    fireEvent.click(await waitFor(() => one(el, '[data-action="download-journal"]')));
    await waitFor(() => expect(runner.calls.downloadJournal).toBe(1));
  });
});

describe('decisions left (manual checks)', () => {
  it('lists manual results; a tick is stored through the port with who and when, and survives a remount', async () => {
    const { el, runner, unmount } = await setup();
    const list = [...el.querySelectorAll('[data-manual-rule-id]')].map((li) => li.getAttribute('data-manual-rule-id'));
    expect(list).toEqual(['test-form-submitted', 'test-call-made', 'setup-document-approved']);
    const box = one<HTMLInputElement>(el, '[data-manual-rule-id="test-call-made"] input[type="checkbox"]');
    expect(box.checked).toBe(false);
    expect(one(el, 'label[for="sa-manual-test-call-made"]').textContent).toBe('Title of test-call-made');
    fireEvent.click(box);
    await waitFor(() =>
      expect(one(el, '[data-manual-rule-id="test-call-made"] [data-role="tick-info"]').textContent).toMatch(
        /^Ticked by Anna Admin, /,
      ),
    );
    expect(runner.calls.setTick).toEqual([['test-call-made', true]]);
    expect(one(el, '[data-role="decisions-progress"]').textContent).toBe('Decided: 1 of 5');
    // A fresh panel over the same stored ticks shows the box ticked.
    const ticks = runner.ticks;
    unmount();
    const h = await setup({ ticks });
    await waitFor(() =>
      expect(one<HTMLInputElement>(h.el, '[data-manual-rule-id="test-call-made"] input').checked).toBe(true),
    );
  });

  it('keyboard: «Keep them» or Escape gives focus back to the batch button; after an undo focus lands on its result', async () => {
    const { el } = await setup({ journal: [entry('j2', 'b1'), entry('j1', 'b1')] });
    const batch = await waitFor(() => one(el, '[data-action="undo-batch"]'));
    batch.focus();
    fireEvent.click(batch);
    fireEvent.click(await waitFor(() => one(el, '[data-action="cancel-undo-batch"]')));
    await waitFor(() => expect(el.querySelector('[data-role="confirm-undo-batch"]')).toBeNull());
    expect(document.activeElement).toBe(batch);
    fireEvent.click(batch);
    const yes = await waitFor(() => one(el, '[data-action="confirm-undo-batch"]'));
    yes.focus();
    fireEvent.keyDown(yes, { key: 'Escape' });
    await waitFor(() => expect(el.querySelector('[data-role="confirm-undo-batch"]')).toBeNull());
    expect(document.activeElement).toBe(batch);
    // Undo one entry: its button goes with it, focus goes to what undo did.
    const undo = one(el, '[data-entry-id="j1"] [data-action="undo"]');
    undo.focus();
    fireEvent.click(undo);
    await waitFor(() => expect(document.activeElement).toBe(one(el, '[data-role="undo-result"]')));
  });
});
