import { describe, expect, it } from 'vitest';
import { attachSignedOff } from '../../src/blueprint/attached';
import { localBlueprintEngine } from '../../src/blueprint/engine-local';
import type { Blueprint } from '../../src/blueprint/types';
import type { WorkflowDeps } from '../../src/runner/workflow';
import { blueprintAccount } from '../blueprint/harness';
import { touchedState } from '../fix/harness';
import { clientOf } from '../support/emulated';
import { emulatedWorkflow } from '../support/workflow';

/** A workflow over an in-process emulator with the blueprint engine linked in, counting requests. */
function setup(seed: string, extra: Partial<WorkflowDeps> = {}) {
  const {
    emulator,
    workflow,
    requests: paths,
  } = emulatedWorkflow(seed, {
    blueprint: async () => localBlueprintEngine,
    ...extra,
  });
  return { emulator, workflow, paths };
}

type Results = { results: { ruleId: string; outcome: string; title: string }[] } | null;
const docOutcomes = (report: Results) =>
  report?.results.filter((r) => r.ruleId.startsWith('blueprint-')).map((r) => [r.ruleId, r.outcome]) ?? [];

let clean: Blueprint | null = null;
async function cleanDocument(): Promise<Blueprint> {
  clean ??= await blueprintAccount('clean').capture();
  return clean;
}

describe('workflow: a configuration document through the one orchestrator', () => {
  it('plans, applies with per-op progress, shows the document’s results, and undo restores the account', async () => {
    const doc = await cleanDocument();
    const { emulator, workflow } = setup('fresh');
    const original = touchedState(emulator);
    await workflow.audit();
    const { outcome: plan, report: planned } = await workflow.planBlueprint(doc);
    const planned_ops = plan.sections.flatMap((s) => s.ops);
    expect(planned_ops.length).toBeGreaterThan(5);
    // Planning changes nothing and attaches nothing: the report has no document results yet.
    expect(docOutcomes(planned)).toEqual([]);
    expect(touchedState(emulator)).toBe(original);

    const seen: string[] = [];
    const { outcome, report } = await workflow.applyBlueprint(doc, {
      name: 'clean.xlsx',
      onOp: (op) => seen.push(`${op.ruleId}#${op.index}:${op.status}`),
    });
    if (outcome.status === 'refused') throw new Error(outcome.reason);
    expect(outcome.status).toBe('done');
    expect(seen).toHaveLength(planned_ops.length);
    expect(seen.every((s) => s.endsWith(':applied'))).toBe(true);
    // The applied document is now what reports compare with; 142's name stays a by-hand step.
    expect(docOutcomes(report)).toEqual([
      ['blueprint-fields', 'pass'],
      ['blueprint-pipelines', 'fail'],
      ['blueprint-required', 'pass'],
      ['blueprint-roles', 'pass'],
      ['blueprint-loss-reasons', 'pass'],
    ]);
    expect(workflow.attachedDocument()).toMatchObject({ name: 'clean.xlsx', signedOff: null });
    const entries = workflow.journal().entries();
    expect(new Set(entries.map((e) => e.batchId)).size).toBe(1);
    expect(entries.every((e) => e.ruleId.startsWith('blueprint-'))).toBe(true);

    const { outcome: undone, report: after } = await workflow.undo({ batchId: outcome.batchId });
    if (undone.status === 'refused') throw new Error(undone.reason);
    expect(undone.status).toBe('undone');
    expect(touchedState(emulator)).toBe(original);
    // Still compared with the document after the undo: everything it set up differs again.
    expect(docOutcomes(after).map(([, o]) => o)).toEqual(['fail', 'fail', 'fail', 'fail', 'fail']);
  });

  it('applies before any audit: reads who acts itself, journals as that user, comes back without a report', async () => {
    const doc = await cleanDocument();
    const { emulator, workflow, paths } = setup('fresh');
    const original = touchedState(emulator);
    expect(workflow.current()).toBeNull();
    const { outcome, report } = await workflow.applyBlueprint(doc, { name: 'clean.xlsx' });
    if (outcome.status === 'refused') throw new Error(outcome.reason);
    expect(outcome.status).toBe('done');
    expect(outcome.plans.flatMap((p) => p.ops).every((o) => o.status === 'applied')).toBe(true);
    // The parts it read are not a whole audit: no report, and none in hand.
    expect(report).toBeNull();
    expect(workflow.current()).toBeNull();
    // Who acts was read once (account and users), before the sections read their own parts.
    expect(paths.slice(0, 2)).toEqual(['GET /api/v4/account', 'GET /api/v4/users']);
    const admin = emulator.store.users.find((u) => u.rights.is_admin)!;
    expect(
      new Set(
        workflow
          .journal()
          .entries()
          .map((e) => e.by),
      ),
    ).toEqual(new Set([`${admin.name} <${admin.email}>`]));
    // The next audit compares with the document applied.
    const audited = await workflow.audit();
    expect(docOutcomes(audited.report)).toEqual([
      ['blueprint-fields', 'pass'],
      ['blueprint-pipelines', 'fail'],
      ['blueprint-required', 'pass'],
      ['blueprint-roles', 'pass'],
      ['blueprint-loss-reasons', 'pass'],
    ]);
    const { outcome: undone } = await workflow.undo({ batchId: outcome.batchId });
    expect(undone.status).toBe('undone');
    expect(touchedState(emulator)).toBe(original);
  });

  it('applies after a plan without an audit, starting from what the plan read (no second read of who acts)', async () => {
    const doc = await cleanDocument();
    const { workflow, paths } = setup('fresh');
    const { outcome: plan, report: planned } = await workflow.planBlueprint(doc);
    expect(planned).toBeNull();
    paths.length = 0;
    const { outcome } = await workflow.applyBlueprint(doc, { name: 'clean.xlsx' });
    expect(outcome.status).toBe('done');
    expect(paths.filter((p) => p === 'GET /api/v4/users')).toEqual([]);
    const sent = outcome.status === 'refused' ? [] : outcome.plans.flatMap((p) => p.ops);
    expect(sent).toHaveLength(plan.sections.flatMap((s) => s.ops).length);
  });

  it('refuses a manager before any audit too, writing nothing (the rights are read, not assumed)', async () => {
    const doc = await cleanDocument();
    const { emulator } = setup('messy');
    const manager = emulator.store.users.find((u) => !u.rights.is_admin && u.rights.is_active !== false)!;
    const { workflow } = setup('messy', {
      client: clientOf(emulator, emulator.tokenFor(manager.id)).client,
    });
    const original = touchedState(emulator);
    const { outcome, report } = await workflow.applyBlueprint(doc, { name: 'clean.xlsx' });
    expect(outcome).toMatchObject({ status: 'refused', reason: 'not-admin' });
    expect(report).toBeNull();
    expect(touchedState(emulator)).toBe(original);
  });

  it('refuses to apply for a non-admin, writing nothing', async () => {
    const doc = await cleanDocument();
    const { emulator, workflow } = setup('fresh', { user: { name: 'Manager', isAdmin: false } });
    const original = touchedState(emulator);
    await workflow.audit();
    const { outcome } = await workflow.applyBlueprint(doc, { name: 'clean.xlsx' });
    expect(outcome).toMatchObject({ status: 'refused', reason: 'not-admin' });
    expect(touchedState(emulator)).toBe(original);
    expect(workflow.attachedDocument()).toBeNull();
  });
});

describe('workflow: drift from a signed-off set-up', () => {
  const signed = (document: Blueprint) => ({
    document,
    signedAt: '2026-11-19T15:30:00.000Z',
    by: 'Anna',
    source: 'clean.xlsx',
  });

  it('every audit reports the differences, titled as drift from the sign-off, until it is dropped', async () => {
    const { emulator, workflow, paths } = setup('clean', {
      document: attachSignedOff(signed(await cleanDocument())),
    });
    const first = await workflow.audit();
    expect(docOutcomes(first.report).map(([, o]) => o)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
    const fields = first.report.results.find((r) => r.ruleId === 'blueprint-fields')!;
    expect(fields.title).toBe('Fields: no drift from the set-up signed off on 2026-11-19 by Anna');
    expect(fields.why).toContain('signed off on 2026-11-19 by Anna');
    // The document's results need the field groups: read once, with the rest of the audit.
    expect(paths.filter((p) => p.endsWith('/custom_fields/groups'))).toHaveLength(3);

    // Someone renames a field in the CRM after the sign-off.
    const field = emulator.store.fields.companies.find((f) => f.name === 'ИНН')!;
    field.name = 'ИНН компании';
    const second = await workflow.audit();
    const drifted = second.report.results.find((r) => r.ruleId === 'blueprint-fields')!;
    expect(drifted.outcome).toBe('fail');
    expect(drifted.title).toBe('Fields: drifted from the set-up signed off on 2026-11-19 by Anna');
    expect(drifted.items.map((i) => i.text)).toEqual(['Field «ИНН» (Companies) is missing']);
    // Drift counts in its area's score like any failed check.
    expect(second.report.areas.find((a) => a.id === 'fields')!.score).toBeLessThan(
      first.report.areas.find((a) => a.id === 'fields')!.score!,
    );

    const dropped = await workflow.attachDocument(null);
    expect(docOutcomes(dropped)).toEqual([]);
    paths.length = 0;
    const third = await workflow.audit();
    expect(docOutcomes(third.report)).toEqual([]);
    expect(paths.filter((p) => p.endsWith('/custom_fields/groups'))).toEqual([]);
  });

  it('an engine that fails to load costs the document’s results, never the audit', async () => {
    const { workflow } = setup('clean', {
      document: attachSignedOff(signed(await cleanDocument())),
      blueprint: () => Promise.reject(new Error('documents.js could not be loaded')),
    });
    const { report } = await workflow.audit();
    expect(report.results.length).toBeGreaterThan(20);
    expect(docOutcomes(report)).toEqual([]);
  });
});
