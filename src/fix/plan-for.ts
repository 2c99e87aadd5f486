/** A rule's plan over a snapshot — the fix lives in the rule module (audit/rules/); this runs it by rule id. */
import type { Baseline } from '../audit/baseline/types';
import { namesLang } from '../audit/names-lang';
import { RULES } from '../audit/registry';
import { contextFor } from '../audit/run';
import type { FixKind, Rule } from '../audit/types';
import type { Lang } from '../i18n/translate';
import { isFailed, type PartFailure, type PartName, type Snapshot } from '../snapshot/types';
import type { Plan } from './types';

export { namesLang } from '../audit/names-lang';

/** Ids of the rules a fix exists for (of that kind, when given), in registry order. */
export function fixableRuleIds(kind?: FixKind): string[] {
  return RULES.filter((r) => r.meta.fix !== null && (!kind || r.meta.fix === kind)).map((r) => r.meta.id);
}

/** Why no plan could be built: the rule is unknown / not fixable, or a part it reads failed to load. */
export class PlanUnavailableError extends Error {
  constructor(
    readonly ruleId: string,
    readonly reason: 'unknown-rule' | 'not-fixable' | 'part-failed',
    readonly part: PartName | null = null,
    readonly failure: PartFailure | null = null,
  ) {
    super(`${ruleId}: ${reason}${part ? ` (${part}${failure ? `: ${failure.message}` : ''})` : ''}`);
    this.name = 'PlanUnavailableError';
  }
}

/** The rule with that id, when it has a fix. */
export function fixableRule(ruleId: string): Rule {
  const rule = RULES.find((r) => r.meta.id === ruleId);
  if (!rule) throw new PlanUnavailableError(ruleId, 'unknown-rule');
  if (!rule.meta.fix) throw new PlanUnavailableError(ruleId, 'not-fixable');
  return rule;
}

/**
 * The rule's plan over this snapshot, names in the account's language (`lang` only when the account does
 * not say), or in `opts.namesLang` when the user chose it (`--names-lang`): an explicit choice wins over
 * what the account's names suggest. Null when it passes or has nothing left to change. Throws
 * PlanUnavailableError when the rule cannot be judged from the snapshot.
 */
export function planFor(
  ruleId: string,
  snapshot: Snapshot,
  baseline: Baseline,
  lang: Lang,
  opts: { namesLang?: Lang | undefined } = {},
): Plan | null {
  const rule = fixableRule(ruleId);
  for (const name of rule.meta.requires) {
    const part = snapshot.parts[name];
    if (!part) throw new PlanUnavailableError(ruleId, 'part-failed', name);
    if (isFailed<unknown>(part)) throw new PlanUnavailableError(ruleId, 'part-failed', name, part.error);
  }
  const { plan: build } = rule.evaluate(contextFor(rule, snapshot, baseline));
  const plan = build?.(opts.namesLang ?? namesLang(snapshot, lang)) ?? null;
  if (!plan || (plan.ops.length === 0 && !plan.manual?.length)) return null;
  return plan;
}
