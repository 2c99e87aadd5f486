/**
 * Applying a document: the fixes' executor, section by section. Before each section the parts it reads
 * are gathered afresh and the section is planned again (so a second apply finds nothing to do, and the
 * required matrix sees the stages and fields created before it); each op is journaled with its inverse
 * before the next; the first failure stops everything after it.
 */
import type { ApiClient } from '../api/client';
import { applyPlan } from '../fix/executor';
import type { Journal } from '../fix/journal';
import type { FixLock } from '../fix/lock';
import { busy, refuse, type ApplyOutcome, type OpReport, type PlanReport } from '../fix/outcome';
import { regatherParts } from '../snapshot/gather';
import type { PartName, Snapshot } from '../snapshot/types';
import { modelOf } from './plan/model';
import { planSection } from './plan/index';
import { BLUEPRINT_SECTIONS, type Blueprint, type BlueprintSection } from './types';

/** The parts each section reads, re-gathered right before it is planned and applied. */
export const SECTION_PARTS: Record<BlueprintSection, PartName[]> = {
  // Fields read the pipelines too: a new field's required stages ride in its POST.
  fields: ['leadFields', 'contactFields', 'companyFields', 'fieldGroups', 'pipelines'],
  'loss-reasons': ['account', 'leadFields', 'fieldGroups', 'pipelines'],
  pipelines: ['pipelines', 'leads'],
  roles: ['roles'],
  required: ['pipelines', 'leadFields', 'contactFields', 'companyFields'],
};

/** The journal's rule id for a section's entry (undo reports it). */
export function sectionRuleId(section: BlueprintSection): string {
  return `blueprint-${section}`;
}

/** Inputs of one apply. */
export interface BlueprintApplyOptions {
  client: ApiClient;
  blueprint: Blueprint;
  /** The snapshot the user looked at; each section re-reads what it needs. */
  snapshot: Snapshot;
  journal: Journal;
  lock: FixLock;
  isAdmin: boolean;
  onOp?: (op: OpReport) => void;
  signal?: AbortSignal;
  now?: () => Date;
}

/** Applies the document. Never throws for API failures (they are reported); rethrows an abort. */
export async function applyBlueprint(opts: BlueprintApplyOptions): Promise<ApplyOutcome> {
  if (!opts.isAdmin) return refuse('not-admin');
  if (!opts.lock.acquire()) return busy(opts.lock);
  try {
    return await applyLocked(opts);
  } finally {
    opts.lock.release();
  }
}

async function applyLocked(opts: BlueprintApplyOptions): Promise<ApplyOutcome> {
  const { client, signal } = opts;
  const batchId = opts.journal.newId();
  const plans: PlanReport[] = [];
  const touched = new Set<PartName>();
  let snapshot = opts.snapshot;
  let stopped = false;
  const gather = (parts: PartName[]) => regatherParts(client, snapshot, parts, { signal, now: opts.now });
  for (const section of BLUEPRINT_SECTIONS) {
    const ruleId = sectionRuleId(section);
    if (stopped) {
      plans.push({ ruleId, kind: null, status: 'not-attempted', entryId: null, ops: [], manual: [] });
      continue;
    }
    const parts = SECTION_PARTS[section];
    for (const p of parts) touched.add(p);
    snapshot = await gather(parts);
    const plan = planSection(modelOf(snapshot), opts.blueprint, section);
    if (plan.error) {
      plans.push({ ruleId, kind: 'confirm', status: 'error', entryId: null, ops: [], manual: [], reason: plan.error });
      stopped = true;
      continue;
    }
    if (!plan.ops.length) {
      plans.push({ ruleId, kind: 'confirm', status: 'already-fixed', entryId: null, ops: [], manual: plan.manual });
      continue;
    }
    const report = await applyPlan(opts, { ruleId, kind: 'confirm', ops: plan.ops, touches: parts }, batchId);
    plans.push({ ...report, manual: plan.manual });
    if (report.status !== 'applied') stopped = true;
  }
  snapshot = await gather([...touched]);
  const forbidden = plans.some((p) => p.ops.some((o) => o.error?.kind === 'forbidden'));
  const anyApplied = plans.some((p) => p.ops.some((o) => o.status === 'applied'));
  const status = forbidden
    ? 'forbidden'
    : plans.every((p) => p.status === 'already-fixed')
      ? 'already-fixed'
      : plans.every((p) => p.status === 'applied' || p.status === 'already-fixed')
        ? 'done'
        : anyApplied
          ? 'partial'
          : 'failed';
  return { status, batchId, plans, snapshot };
}

export { BLUEPRINT_PARTS } from './parts';
