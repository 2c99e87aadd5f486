import { RULES } from '../audit/registry';
import type { JournalEntry } from '../fix/journal';
import type { OpTarget } from '../fix/types';
import { fieldPartOf, type PartName } from '../snapshot/types';

/** The snapshot parts that hold what an op target names (a role's change shows in the users' rights too). */
export function partsOfTarget(target: OpTarget): PartName[] {
  switch (target.kind) {
    case 'field':
      return [fieldPartOf(target.entity)];
    case 'role':
      return ['roles', 'users'];
    case 'pipeline':
    case 'status':
      return ['pipelines'];
  }
}

/** The parts a rule's check reads (its plan is recomputed from exactly these). */
export function partsRequiredBy(ruleIds: readonly string[]): PartName[] {
  return [...new Set(RULES.filter((r) => ruleIds.includes(r.meta.id)).flatMap((r) => r.meta.requires))];
}

/**
 * The parts journal entries wrote to, from the target each op recorded. An op journaled without a
 * target (older journals) falls back to every part its rule reads: wider, never narrower.
 */
export function partsWrittenBy(entries: readonly JournalEntry[]): PartName[] {
  const parts = new Set<PartName>();
  for (const entry of entries) {
    for (const jop of entry.ops) {
      const target = jop.target ?? jop.op.target;
      for (const part of target ? partsOfTarget(target) : partsRequiredBy([entry.ruleId])) parts.add(part);
    }
  }
  return [...parts];
}
