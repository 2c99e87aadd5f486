import { describe, expect, it } from 'vitest';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { dictionaryFor } from '../../src/cli/dict';
import { allSafeRuleIds } from '../../src/runner/all-safe';
import { localFixEngine } from '../../src/runner/fix-engine-local';
import { createWorkflow, type WorkflowDeps } from '../../src/runner/workflow';
import { clientOf, FIXED_NOW } from '../support/emulated';
import { emulatedWorkflow } from '../support/workflow';

/** A request line without the id of the one record it reads ("GET /api/v4/leads/pipelines/7" → the list's path). */
const resource = (line: string) => line.replace(/\/\d+$/, '');

/** A workflow over an in-process emulator, counting every request (and the paths asked) made through it. */
function setup(seed = 'messy', extra: Partial<WorkflowDeps> = {}) {
  const { emulator, workflow, journal, requests: paths } = emulatedWorkflow(seed, extra);
  const outcomeOf = (report: { results: { ruleId: string; outcome: string }[] } | null, id: string) =>
    report?.results.find((r) => r.ruleId === id)?.outcome;
  return { emulator, workflow, paths, journal, outcomeOf };
}

describe('workflow: audit → preview → apply → undo, each with the report after it', () => {
  it('a fix engine that cannot load fails the preview before anything is read; the audit in hand stays', async () => {
    let attempts = 0;
    const { workflow, paths, outcomeOf } = setup('messy', {
      fixes: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('fixes.js: offline');
        return localFixEngine;
      },
    });
    const before = await workflow.audit();
    paths.length = 0;
    await expect(workflow.preview(['unsorted-off'])).rejects.toThrow('fixes.js: offline');
    expect(paths).toEqual([]);
    expect(workflow.current()?.report).toBe(before.report);
    // The next step asks for the engine again (the widget's loader retries a failed file).
    const { outcome } = await workflow.preview(['unsorted-off']);
    expect(outcome.plans.map((p) => p.ruleId)).toEqual(['unsorted-off']);
    expect(outcomeOf(before.report, 'unsorted-off')).toBe('fail');
  });

  it('applies a preview, re-auditing only what the fix touched; undo re-reads only what it wrote', async () => {
    const { workflow, paths, outcomeOf } = setup();
    const before = await workflow.audit();
    expect(outcomeOf(before.report, 'unsorted-off')).toBe('fail');

    paths.length = 0;
    const { outcome: preview, report: previewed } = await workflow.preview(['unsorted-off']);
    expect(preview.plans.map((p) => [p.ruleId, p.kind, p.ops.length])).toEqual([['unsorted-off', 'safe', 1]]);
    // The preview re-read only the part its rule reads, and wrote nothing.
    expect(paths).toEqual(['GET /api/v4/leads/pipelines']);
    expect(outcomeOf(previewed, 'unsorted-off')).toBe('fail');

    paths.length = 0;
    const { outcome, report: after } = await workflow.apply(preview);
    expect(outcome.status).toBe('done');
    expect(outcomeOf(after, 'unsorted-off')).toBe('pass');
    expect(after!.score).toBeGreaterThan(before.report.score!);
    // One write; reads only of the pipelines (before the plan is recomputed, and after): no contact, lead or user list.
    expect(paths.filter((p) => !p.startsWith('GET'))).toHaveLength(1);
    expect(new Set(paths.filter((p) => p.startsWith('GET')))).toEqual(new Set(['GET /api/v4/leads/pipelines']));
    // Untouched parts' results are the very same as before the fix.
    const untouched = (r: typeof after) => r!.results.filter((x) => x.area === 'data' || x.area === 'rights');
    expect(untouched(after)).toEqual(untouched(before.report));

    const [entry] = workflow.journal().entries();
    paths.length = 0;
    const undone = await workflow.undo({ entryIds: [entry!.id] });
    expect(undone.outcome.status).toBe('undone');
    expect(outcomeOf(undone.report, 'unsorted-off')).toBe('fail');
    // Undo reads the account (the journal entry must name it), the pipeline it restores (conflict check) and
    // re-reads the pipelines for the report: nothing else.
    expect(new Set(paths.filter((p) => p.startsWith('GET')).map(resource))).toEqual(
      new Set(['GET /api/v4/account', 'GET /api/v4/leads/pipelines']),
    );
    expect(undone.report!.score).toBe(before.report.score);
  });

  it('"all safe" is the failing results whose fix is safe — the same list the panel counts', async () => {
    const { workflow } = setup();
    const { report } = await workflow.audit();
    const expected = allSafeRuleIds(report);
    expect(expected.length).toBeGreaterThan(0);
    const { outcome } = await workflow.preview('all-safe');
    expect(outcome.scope).toBe('all-safe');
    expect(outcome.ruleIds).toEqual(expected);
    expect(outcome.plans.every((p) => p.kind === 'safe')).toBe(true);
    // Every listed rule is really failing with a safe fix in the report.
    for (const id of outcome.ruleIds) {
      const r = report.results.find((x) => x.ruleId === id)!;
      expect([r.outcome, r.fix?.kind]).toEqual(['fail', 'safe']);
    }
  });

  it('undo of a batch carries each op’s fix entry id, and the journal marks every op’s real status', async () => {
    const { workflow } = setup();
    await workflow.audit();
    const { outcome: preview } = await workflow.preview('all-safe');
    const applied = await workflow.apply(preview);
    expect(applied.outcome.status).toBe('done');
    const batchId = applied.outcome.status === 'refused' ? '' : applied.outcome.batchId;
    const fixEntries = workflow.journal().batch(batchId);
    expect(fixEntries.length).toBeGreaterThan(1);
    const { outcome } = await workflow.undo({ batchId });
    if (outcome.status === 'refused') throw new Error('refused');
    expect(new Set(outcome.ops.map((o) => o.entryId))).toEqual(new Set(fixEntries.map((e) => e.id)));
    for (const e of workflow.journal().batch(batchId)) {
      expect(e.undoneAt).not.toBeNull();
      expect(e.ops.every((o) => o.undone?.status === 'applied' || o.undone?.status === 'skipped')).toBe(true);
    }
  });

  it('a rule that cannot be planned is listed with its reason, not dropped', async () => {
    const { workflow } = setup();
    await workflow.audit();
    const { outcome } = await workflow.preview(['no-such-rule', 'duplicate-field-names']);
    expect(outcome.plans).toEqual([]);
    expect(outcome.unavailable.map((u) => u.reason.key)).toEqual([
      'fix.refused.unknown-rule',
      'fix.refused.not-fixable',
    ]);
  });

  it('a non-admin is refused before anything is written, with the report unchanged', async () => {
    const { workflow, paths } = setup('messy', { user: { name: 'Manager', isAdmin: false } });
    const { report } = await workflow.audit();
    const { outcome: preview } = await workflow.preview(['unsorted-off'], { reread: false });
    paths.length = 0;
    const applied = await workflow.apply(preview);
    expect(applied.outcome.status).toBe('refused');
    expect(applied.report).toBe(report);
    expect(paths).toEqual([]);
    const undone = await workflow.undo({ batchId: 'x' });
    expect(undone.outcome.status).toBe('refused');
  });

  it('without an audit in hand (the CLI undo) it reads only who acts and gives no report', async () => {
    const first = setup();
    await first.workflow.audit();
    const { outcome: preview } = await first.workflow.preview(['unsorted-off'], { reread: false });
    await first.workflow.apply(preview);
    // A second process on the same journal and account.
    const emulator = first.emulator;
    const { client, requests: paths } = clientOf(emulator);
    const second = createWorkflow({
      client,
      baseline: defaultBaseline(),
      lang: 'en',
      dict: dictionaryFor('en'),
      fixes: async () => localFixEngine,
      journal: first.journal,
      now: () => new Date(FIXED_NOW),
    });
    await second.identify();
    const batchId = second.journal().entries()[0]!.batchId;
    const undone = await second.undo({ batchId });
    expect(undone.outcome.status).toBe('undone');
    expect(undone.report).toBeNull();
    expect(new Set(paths.filter((p) => p.startsWith('GET')).map(resource))).toEqual(
      new Set(['GET /api/v4/account', 'GET /api/v4/users', 'GET /api/v4/leads/pipelines']),
    );
  });
});
