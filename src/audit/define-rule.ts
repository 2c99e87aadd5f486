/**
 * A rule is one module: metadata, a pure check and, when fixable, its fix (ESLint's `meta` + `create`
 * with fixes returned as data; Lighthouse's `meta` + `audit`). How to write one:
 *
 * ```ts
 * // src/audit/rules/pipeline/unsorted-off.ts — the file name is the rule id
 * type Off = Finding<{ pipeline_id: number }>;
 *
 * export const unsortedOff = defineRule<Off>({
 *   meta: {
 *     id: 'unsorted-off', area: 'pipeline', severity: 'low',
 *     requires: ['pipelines'],        // the parts to gather follow from these (audit/parts.ts)
 *     fix: 'safe',                    // or 'confirm'; omit for guidance only
 *     messages: ['pipeline'],         // item texts: i18n `items.unsorted-off.pipeline`
 *   },
 *   check(ctx) {
 *     const main = mainPipeline(need(ctx, 'pipelines'));
 *     if (!main) return 'not-applicable';
 *     // An array: empty = pass, otherwise fail with one item per finding.
 *     return main.is_unsorted_on ? [] : [{ id: `pipeline:${main.id}`, message: 'pipeline',
 *       params: { pipeline: main.name }, data: { pipeline_id: main.id } }];
 *   },
 *   // Called only for a failure, with the check's own findings (typed: no casts) and the op builders.
 *   fix(ctx, findings, ops) {
 *     const main = need(ctx, 'pipelines').find((p) => p.id === findings[0]?.data.pipeline_id);
 *     if (!main) return [];
 *     const summary = { key: 'fix.op.unsortedOn', params: { pipeline: main.name } };
 *     return [ops.patchPipeline(main, { is_unsorted_on: true }, summary)];
 *   },
 * });
 * ```
 *
 * Then add it to registry.ts and give it a table in test/audit/rules/ (pass and fail cases; the exact
 * plan for every failing case of a fixable rule). The framework stamps rule id, kind and the parts the
 * plan touches, and turns findings into report items with their message keys.
 */
import type { Plan, Op } from '../fix/types';
import { opKit, type OpKit } from '../fix/op-kit';
import type {
  Area,
  CheckOutcome,
  CheckResult,
  Evaluation,
  FixKind,
  Item,
  Message,
  Rule,
  RuleContext,
  Severity,
} from './types';
import { isCheckOutcome } from './types';
import type { PartName } from '../snapshot/types';

/** Machine-readable facts of a finding (they go to the report item's `data` for tools and exports). */
export type FindingData = Record<string, unknown>;

/** One thing a check points at (or, as evidence, a signal it saw). */
export interface Note {
  /** Stable within the result, e.g. `field:123@status:456`. */
  id: string;
  /** One of `meta.messages`. */
  message: string;
  params?: Record<string, string | number>;
  /** Path of the CRM's own page for it (crmLinks), when one exists. */
  link?: string;
  /** Machine-readable facts (they go to the report item's `data` for tools and exports). */
  data?: FindingData;
}

/** A note whose facts a fix reads: `data` typed, so plans never cast. */
export type Finding<D extends FindingData> = Note & { data: D };

/** A verdict other than "these findings": any outcome, with items and evidence. */
export interface Verdict<F extends Note> {
  outcome: CheckOutcome;
  items?: readonly F[];
  /** Signals behind a pass or needs-review. */
  evidence?: readonly Note[];
  /**
   * The one-line summary under the title, when the rule can say what it judged ("open tasks judged: 124;
   * overdue: 31") rather than the generic "1 signal found": one of `meta.messages` with its params.
   */
  summary?: { message: string; params?: Record<string, string | number> };
}

/** What a check returns: findings (none = pass, some = fail), a bare outcome, or a verdict. */
export type CheckOutput<F extends Note> = readonly F[] | CheckOutcome | Verdict<F>;

/** What a fix returns: its ops in order, or ops and the steps a person must do (the API cannot). */
export type FixOutput = readonly Op[] | { ops: readonly Op[]; manual?: readonly Message[] } | null;

/** A rule as written in its module. */
export interface RuleDefinition<F extends Note> {
  meta: {
    id: string;
    area: Area;
    severity: Severity;
    requires: readonly PartName[];
    optional?: readonly PartName[];
    fix?: FixKind | null;
    messages?: readonly string[];
    /** Only when a fix writes to parts its check does not read. */
    touches?: readonly PartName[];
  };
  check(ctx: RuleContext): CheckOutput<F>;
  /** Ops fixing the failing findings; pure data (the executor applies them). */
  fix?(ctx: RuleContext, findings: readonly F[], ops: OpKit): FixOutput;
}

/** Declare a rule; freezes it so the registry hands the same object to every run. */
export function defineRule<F extends Note = Note>(def: RuleDefinition<F>): Rule {
  const { id } = def.meta;
  const kind = def.meta.fix ?? null;
  if ((kind === null) !== (def.fix === undefined)) {
    throw new Error(`rule ${id}: meta.fix and fix() go together (meta.fix is ${String(kind)})`);
  }
  const meta = Object.freeze({
    id,
    area: def.meta.area,
    severity: def.meta.severity,
    requires: Object.freeze([...def.meta.requires]),
    optional: Object.freeze([...(def.meta.optional ?? [])]),
    fix: kind,
    messages: Object.freeze([...(def.meta.messages ?? [])]),
    touches: Object.freeze([...(def.meta.touches ?? def.meta.requires)]),
  });

  const itemOf = (note: Note): Item => {
    if (!meta.messages.includes(note.message)) {
      throw new Error(`rule ${id}: message "${note.message}" is not in meta.messages`);
    }
    const item: Item = { id: note.id, message: { key: `items.${id}.${note.message}` } };
    if (note.params) item.message.params = note.params;
    if (note.link !== undefined) item.link = note.link;
    if (note.data !== undefined) item.data = note.data;
    return item;
  };

  const planOf =
    (ctx: RuleContext, findings: readonly F[]) =>
    (lang: Parameters<typeof opKit>[0]): Plan | null => {
      const out = def.fix!(ctx, findings, opKit(lang));
      if (out === null) return null;
      const { ops, manual } = isOpList(out) ? { ops: out, manual: undefined } : out;
      const plan: Plan = { ruleId: id, kind: kind!, ops: [...ops], touches: [...meta.touches] };
      if (manual?.length) plan.manual = [...manual];
      return plan;
    };

  const evaluate = (ctx: RuleContext): Evaluation => {
    const verdict = asVerdict(def.check(ctx));
    if (!isCheckOutcome(verdict.outcome)) {
      throw new Error(`check returned an invalid outcome: ${JSON.stringify(verdict.outcome)}`);
    }
    const result: CheckResult = { outcome: verdict.outcome };
    if (verdict.items?.length) result.items = verdict.items.map(itemOf);
    if (verdict.evidence?.length) result.evidence = verdict.evidence.map(itemOf);
    if (verdict.summary) result.summary = itemOf({ id: 'summary', ...verdict.summary }).message;
    const fixable = def.fix !== undefined && verdict.outcome === 'fail';
    return { result, plan: fixable ? planOf(ctx, verdict.items ?? []) : null };
  };

  return Object.freeze({ meta, evaluate });
}

function isOpList(out: NonNullable<FixOutput>): out is readonly Op[] {
  return Array.isArray(out);
}

/** Findings as a verdict: none = pass, some = fail. */
function asVerdict<F extends Note>(out: CheckOutput<F>): Verdict<F> {
  if (typeof out === 'string') return { outcome: out };
  if (Array.isArray(out)) {
    const items = out as readonly F[];
    return { outcome: items.length ? 'fail' : 'pass', items };
  }
  return out as Verdict<F>;
}
