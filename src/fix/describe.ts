/** Human sentences for a plan's preview: each op's before → after, the total, and what stays manual. */
import type { Translate } from '../i18n/translate';
import type { Op, Plan } from './types';

/** One op as a sentence in the translator's language. */
export function describeOp(op: Pick<Op, 'summary'>, t: Translate): string {
  return t(op.summary.key, op.summary.params);
}

/** A plan as text lines: one per op, then the manual steps, plus the op count and the rights legend when roles change. */
export interface PlanDescription {
  ruleId: string;
  kind: Plan['kind'];
  ops: string[];
  manual: string[];
  /** "3 changes". */
  total: string;
  count: number;
  /** Legend of the rights letters, when the plan changes roles. */
  legend: string | null;
}

/** Describe a whole plan. */
export function describePlan(plan: Plan, t: Translate): PlanDescription {
  const touchesRoles = plan.ops.some((op) => op.summary.key.startsWith('fix.op.roleRight.'));
  return {
    ruleId: plan.ruleId,
    kind: plan.kind,
    ops: plan.ops.map((op) => describeOp(op, t)),
    manual: (plan.manual ?? []).map((m) => t(m.key, m.params)),
    total: t('fix.total', { count: plan.ops.length }),
    count: plan.ops.length,
    legend: touchesRoles ? t('fix.rightsLegend') : null,
  };
}
