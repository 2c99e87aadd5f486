/**
 * What the fix dialog's ticks and name inputs come to: the changes that will be sent (a change whose
 * base is unticked goes with it), the problem of every name that cannot be written, and which checks
 * are fixed whole (only those can be predicted to pass). Pure, over the preview the runner returned;
 * the same engine functions the executor checks the choice with again before it sends anything.
 */
import type { Message } from '../audit/types';
import { nameProblems } from '../fix/name-check';
import type { NameEdits, NameSlot } from '../fix/name-slots';
import { closeChoice } from '../fix/op-needs';
import { choosePlan } from '../fix/pick';
import type { Op } from '../fix/types';
import type { FixPreview, OpChoice } from './runner-port';

/** The dialog's own input: keys the person unticked, and the names they typed. */
export interface ChoiceInput {
  unticked: ReadonlySet<string>;
  edits: NameEdits;
}

/** One op as the dialog shows it. */
export interface OpView {
  choice: OpChoice;
  /** The op with the edited names (what its sentence says will be written). */
  op: Op;
  /** Ticked and sendable. */
  picked: boolean;
  /** Ticked by the person but left out because a change it builds on is unticked: that change's op. */
  blockedBy: Op | null;
}

/** One plan as the dialog shows it. */
export interface PlanChoiceView {
  ruleId: string;
  ops: OpView[];
  /** `all` / `some` / `none` of its ops are picked. */
  picked: 'all' | 'some' | 'none';
}

/** The whole choice. */
export interface ChoiceView {
  plans: PlanChoiceView[];
  /** Keys of the changes Apply sends, in plan order. */
  pick: string[];
  /** Problem of each name that cannot be written, by slot id. */
  problems: Record<string, Message>;
  /** Slots of the picked changes (the inputs shown as active). */
  slots: NameSlot[];
  /** Rules whose every change is picked (their results can be predicted to pass). */
  whole: string[];
  /** Some plan has only part of its changes picked. */
  partial: boolean;
}

/** The choice over a preview. */
export function viewChoice(preview: FixPreview, input: ChoiceInput): ChoiceView {
  const plans = preview.plans.map((plan, i): PlanChoiceView => {
    const ops = preview.choices[i]?.ops ?? [];
    const index = new Map(ops.map((o, j) => [o.key, j]));
    const { kept } = closeChoice(
      ops.map((o) => o.needs.flatMap((k) => (index.has(k) ? [index.get(k)!] : []))),
      new Set(ops.flatMap((o, j) => (input.unticked.has(o.key) ? [] : [j]))),
    );
    // The sentences as the choice leaves them: edited names, and «after» the stage really before it.
    const edited = choosePlan(plan, {
      pick: ops.filter((_, j) => kept.has(j)).map((o) => o.key),
      names: input.edits,
    }).all;
    const views = ops.map((choice, j): OpView => {
      const ticked = !input.unticked.has(choice.key);
      const base =
        ticked && !kept.has(j) ? choice.needs.map((k) => index.get(k)!).find((b) => !kept.has(b)) : undefined;
      return {
        choice,
        op: edited[j] ?? plan.ops[j]!,
        picked: kept.has(j),
        blockedBy: base === undefined ? null : edited[base]!,
      };
    });
    const n = views.filter((v) => v.picked).length;
    return { ruleId: plan.ruleId, ops: views, picked: n === 0 ? 'none' : n === views.length ? 'all' : 'some' };
  });
  const picked = plans.flatMap((p) => p.ops.filter((o) => o.picked));
  const slots = picked.flatMap((o) => o.choice.names);
  return {
    plans,
    pick: picked.map((o) => o.choice.key),
    problems: nameProblems(slots, preview.taken, input.edits),
    slots,
    whole: plans.filter((p) => p.picked === 'all' && p.ops.length > 0).map((p) => p.ruleId),
    partial: plans.some((p) => p.picked === 'some'),
  };
}
