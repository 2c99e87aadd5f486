/**
 * Whether a person's choice still fits the account, checked against a fresh read before anything is
 * sent: every chosen change is still in its recomputed plan, none is chosen without the change it builds
 * on, and every name is usable. Any miss refuses the whole apply — the person previews again and sees
 * what the account holds now.
 */
import type { Snapshot } from '../snapshot/types';
import type { Message } from '../audit/types';
import { nameProblems } from './name-check';
import type { NameSlot } from './name-slots';
import { refuse, type Refused } from './outcome';
import { choosePlan, planChoices, takenNames, type ChosenPlan, type FixChoice, type PlanChoices } from './pick';
import type { Plan } from './types';

/** The choice laid over one rule's plan as recomputed (null: the rule has nothing left to change). */
export function chosenFor(ruleId: string, plan: Plan | null, choice: FixChoice): ChosenPlan {
  return choosePlan(plan ?? { ruleId, kind: 'safe', ops: [], touches: [] }, choice);
}

/** What is wrong with a choice laid over plans, as a message (null: nothing). */
export function choiceProblem(
  chosen: readonly ChosenPlan[],
  plans: readonly (Plan | null)[],
  snapshot: Snapshot,
  choice: FixChoice,
): Message | null {
  const stale = chosen.reduce((n, c) => n + c.missing.length + c.strayNames.length, 0);
  if (stale) return refuse('stale-pick', { count: String(stale) }).message;
  const pulled = chosen.reduce((n, c) => n + c.pulled.length, 0);
  if (pulled) return refuse('pick-needs-base', { count: String(pulled) }).message;
  const slots: NameSlot[] = chosen.flatMap((c) => c.slots);
  const choices: PlanChoices[] = plans.flatMap((p) => (p ? [planChoices(p)] : []));
  const problems = nameProblems(slots, takenNames(snapshot, choices), choice.names ?? {});
  const first = slots.find((s) => problems[s.id]);
  return first ? problems[first.id]! : null;
}

/** The refusal for a choice that does not fit the account before anything was sent, or null. */
export function refuseChoice(
  chosen: readonly ChosenPlan[],
  plans: readonly (Plan | null)[],
  snapshot: Snapshot,
  choice: FixChoice,
): Refused | null {
  const message = choiceProblem(chosen, plans, snapshot, choice);
  if (!message) return null;
  const reason = message.key.startsWith('fix.refused.') ? (message.key.slice(12) as Refused['reason']) : 'invalid-name';
  return { status: 'refused', reason, message };
}
