/**
 * A person's choice in a fix preview — which changes to apply, and the names they edited — laid over
 * a plan the executor has just recomputed. The choice is made of op keys (src/fix/op-key.ts), so it
 * survives the recomputation when the account did not change, and shows it when it did: a chosen key
 * that is not in the plan any more, or an edited name of an op that is gone, is reported, never guessed.
 */
import type { Snapshot } from '../snapshot/types';
import { dataOf, fieldPartOf } from '../snapshot/types';
import type { FieldEntity } from '../api/dto';
import type { TakenName, TakenNames } from './name-check';
import {
  followRenames,
  nameSlots,
  renamedKey,
  finalName,
  withNames,
  type NameEdits,
  type NameSlot,
} from './name-slots';
import { closeChoice, opNeeds } from './op-needs';
import { planKeys } from './op-key';
import type { Op, Plan } from './types';

/** What a person chose in a preview: the keys of the changes to apply (absent: all) and their edited names. */
export interface FixChoice {
  pick?: readonly string[];
  names?: NameEdits;
}

/** One op as the preview offers it: its key, the keys of the ops it builds on, the names it writes. */
export interface OpChoice {
  key: string;
  needs: string[];
  names: NameSlot[];
}

/** A plan's ops as choices, in the plan's order. */
export interface PlanChoices {
  ruleId: string;
  ops: OpChoice[];
}

/** The choices a plan offers. */
export function planChoices(plan: Plan): PlanChoices {
  const keys = planKeys(plan);
  const needs = opNeeds(plan.ops);
  return {
    ruleId: plan.ruleId,
    ops: plan.ops.map((op, i) => ({
      key: keys[i]!,
      needs: needs[i]!.map((j) => keys[j]!),
      names: nameSlots(op, keys[i]!),
    })),
  };
}

/** The account's names in every scope the slots write to (fields of an entity, stages of a pipeline). */
export function takenNames(snapshot: Snapshot, choices: readonly PlanChoices[]): TakenNames {
  const taken: Record<string, TakenName[]> = {};
  const scopes = new Set(choices.flatMap((c) => c.ops.flatMap((o) => o.names.map((s) => s.scope))));
  for (const scope of scopes) {
    const [kind, id] = scope.split(':') as [string, string];
    if (kind === 'field') {
      const fields = dataOf(snapshot.parts[fieldPartOf(id as FieldEntity)]) ?? [];
      taken[scope] = fields.map((f) => ({ id: f.id, name: f.name }));
    } else if (kind === 'status') {
      const pipeline = (dataOf(snapshot.parts.pipelines) ?? []).find((p) => String(p.id) === id);
      taken[scope] = (pipeline?._embedded?.statuses ?? []).map((s) => ({ id: s.id, name: s.name }));
    } else taken[scope] = [];
  }
  return taken;
}

/** A recomputed plan with a choice laid over it. */
export interface ChosenPlan {
  /** The chosen ops with their edited names, in the plan's order (empty when nothing of it was chosen). */
  plan: Plan;
  /** Every op of the recomputed plan with the edited names and the sentences that follow them (the preview shows these). */
  all: Op[];
  /** The key of each op of `plan` (the key of the op as planned, before names were edited). */
  keys: string[];
  /** The name slots of the chosen ops (what must pass nameProblems). */
  slots: NameSlot[];
  /** Chosen keys of this rule that the plan no longer has: the account changed since the preview. */
  missing: string[];
  /** Chosen keys left out because an op they build on was not chosen. */
  pulled: string[];
  /** Edited slots of this rule that no chosen op has. */
  strayNames: string[];
}

/**
 * The name each stage the plan names ends up with, by `renamedKey(scope, planned name)`: a chosen op's
 * edited name; an unchosen rename's stage keeps its current name; an unchosen new stage is not there, so
 * what came «after» it comes after the stage before it. Sentences of later ops follow these.
 */
function stageNamesWritten(plan: Plan, ops: readonly OpChoice[], kept: ReadonlySet<number>, edits: NameEdits) {
  const renamed = new Map<string, string>();
  plan.ops.forEach((op, i) => {
    for (const s of ops[i]!.names) {
      if (s.kind !== 'status') continue;
      const key = renamedKey(s.scope, s.planned);
      if (kept.has(i)) renamed.set(key, finalName(s, edits));
      else if (s.replaces !== undefined && op.target?.name) renamed.set(key, op.target.name);
      else {
        const after = op.summary.params?.['after'];
        if (typeof after === 'string') renamed.set(key, renamed.get(renamedKey(s.scope, after)) ?? after);
      }
    }
  });
  return renamed;
}

/** True when a key or slot id belongs to `ruleId`'s plan (keys start with the rule id). */
function ofRule(ruleId: string, id: string): boolean {
  return id.startsWith(`${ruleId}/`);
}

/** Lays `choice` over `plan` (recomputed from a fresh read): see ChosenPlan. */
export function choosePlan(plan: Plan, choice: FixChoice): ChosenPlan {
  const { ops } = planChoices(plan);
  const keys = ops.map((o) => o.key);
  const picked = choice.pick ? new Set(choice.pick) : null;
  const chosen = new Set(keys.flatMap((k, i) => (!picked || picked.has(k) ? [i] : [])));
  const { kept, pulled } = closeChoice(
    ops.map((o) => o.needs.map((k) => keys.indexOf(k))),
    chosen,
  );
  const edits = choice.names ?? {};
  const slots = [...kept].flatMap((i) => ops[i]!.names);
  const renamed = stageNamesWritten(plan, ops, kept, edits);
  const all = plan.ops.map((op, i) => followRenames(withNames(op, ops[i]!.names, edits), renamed));
  const keptIdx = [...kept].sort((a, b) => a - b);
  const chosenOps = keptIdx.map((i) => all[i]!);
  return {
    plan: { ...plan, ops: chosenOps },
    all,
    keys: keptIdx.map((i) => keys[i]!),
    slots,
    missing: picked ? [...picked].filter((k) => ofRule(plan.ruleId, k) && !keys.includes(k)) : [],
    pulled: [...pulled.keys()].map((i) => keys[i]!),
    strayNames: Object.keys(edits).filter((id) => ofRule(plan.ruleId, id) && !slots.some((s) => s.id === id)),
  };
}
