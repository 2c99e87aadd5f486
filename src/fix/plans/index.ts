/**
 * The plan builders, by rule id (the rules themselves stay pure checks owned by src/audit/), and
 * `planFor`, which runs a rule's check over a snapshot and builds its fix.
 */
import type { Baseline } from '../../audit/baseline/types';
import { RULES } from '../../audit/registry';
import { contextFor } from '../../audit/run';
import type { Rule } from '../../audit/types';
import type { Lang } from '../../i18n/translate';
import type { PartFailure, PartName, Snapshot } from '../../snapshot/types';
import type { Plan } from '../types';
import { customFieldsMissingPlan } from './custom-fields-missing';
import { defaultStageNamesPlan } from './default-stage-names';
import { deleteOpenPlan } from './delete-open';
import { exportOpenPlan } from './export-open';
import { leadSourceFieldMissingPlan } from './lead-source-field-missing';
import { lossReasonMissingPlan } from './loss-reason-missing';
import { mailAccessNonePlan } from './mail-access-none';
import { requiredAtEntryStagePlan } from './required-at-entry-stage';
import { requiredFieldsAbsentPlan } from './required-fields-absent';
import { requiredStatusesStalePlan } from './required-statuses-stale';
import { unsortedOffPlan } from './unsorted-off';
import type { PlanBuilder } from './shared';

export type { PlanBuilder } from './shared';

/** Every fixable rule's plan builder. */
export const PLAN_BUILDERS: Readonly<Record<string, PlanBuilder>> = Object.freeze({
  'custom-fields-missing': customFieldsMissingPlan,
  'lead-source-field-missing': leadSourceFieldMissingPlan,
  'required-at-entry-stage': requiredAtEntryStagePlan,
  'required-fields-absent': requiredFieldsAbsentPlan,
  'required-statuses-stale': requiredStatusesStalePlan,
  'loss-reason-missing': lossReasonMissingPlan,
  'export-open': exportOpenPlan,
  'delete-open': deleteOpenPlan,
  'mail-access-none': mailAccessNonePlan,
  'default-stage-names': defaultStageNamesPlan,
  'unsorted-off': unsortedOffPlan,
});

/** Ids of the rules a fix exists for, in registry order. */
export function fixableRuleIds(kind?: 'safe' | 'confirm'): string[] {
  return RULES.filter((r) => r.meta.id in PLAN_BUILDERS && (!kind || r.meta.fix === kind)).map((r) => r.meta.id);
}

/**
 * The language of names a fix writes into the account: the account's own when the API says it (Kommo
 * sends `language`), else the user's. A Russian account gets «Источник» even from an English terminal.
 */
export function namesLang(snapshot: Snapshot, fallback: Lang): Lang {
  const account = snapshot.parts.account;
  const language = account && 'data' in account ? account.data.language : undefined;
  return language === 'ru' || language === 'en' ? language : fallback;
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
  if (!(ruleId in PLAN_BUILDERS) || !rule.meta.fix) throw new PlanUnavailableError(ruleId, 'not-fixable');
  return rule;
}

/**
 * The rule's plan over this snapshot: null when it passes (or has nothing left to change).
 * Throws PlanUnavailableError when the rule cannot be judged from the snapshot.
 */
export function planFor(ruleId: string, snapshot: Snapshot, baseline: Baseline, lang: Lang): Plan | null {
  const rule = fixableRule(ruleId);
  // Names the fix creates (fields, options, stages) follow the account's language when it says which.
  lang = namesLang(snapshot, lang);
  for (const name of rule.meta.requires) {
    const part = snapshot.parts[name];
    if (!part) throw new PlanUnavailableError(ruleId, 'part-failed', name);
    if ('error' in part) throw new PlanUnavailableError(ruleId, 'part-failed', name, part.error);
  }
  const ctx = contextFor(rule, snapshot, baseline);
  const result = rule.check(ctx);
  if (result.outcome !== 'fail') return null;
  const plan = PLAN_BUILDERS[ruleId]!(ctx, result, lang);
  if (!plan || (plan.ops.length === 0 && !plan.manual?.length)) return null;
  return plan;
}

/** The registry's rules with their plan builders attached (for runAudit's `rules`, so reports show fixes). */
export function withPlans(rules: readonly Rule[], lang: Lang): Rule[] {
  return rules.map((rule) => {
    const build = PLAN_BUILDERS[rule.meta.id];
    return build !== undefined && !rule.plan ? { ...rule, plan: (ctx, result) => build(ctx, result, lang) } : rule;
  });
}
