import type { Snapshot, SnapshotParts, PartName, PartFailure } from '../snapshot/types';
import type { Baseline } from './baseline/types';
import type { Plan } from '../fix/types';
import type { Coverage } from './scoring';
import type { Lang } from '../i18n/translate';

/** Areas in the setup order the product presents them; `usage` (how the CRM is worked in after go-live) comes last. */
export const AREAS = [
  'fields',
  'rights',
  'pipeline',
  'mail',
  'forms',
  'telephony',
  'channels',
  'data',
  'usage',
] as const;
/** One area of the checklist. */
export type Area = (typeof AREAS)[number];

/** Severities, most severe first (the order every list sorts by); weights for scoring live in scoring.json. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
/** Severity of a rule. */
export type Severity = (typeof SEVERITIES)[number];

/** Outcomes of a rule (axe-core style: more than pass/fail), in the order counts list them. */
export const OUTCOMES = ['pass', 'fail', 'needs-review', 'manual', 'not-applicable', 'error'] as const;
/** Outcome of a rule. */
export type Outcome = (typeof OUTCOMES)[number];
/** What a check may decide; `error` is only ever the runner's verdict (a part failed or the check threw). */
export type CheckOutcome = Exclude<Outcome, 'error'>;

/** True for an outcome a check may return. */
export function isCheckOutcome(value: unknown): value is CheckOutcome {
  return value !== 'error' && (OUTCOMES as readonly unknown[]).includes(value);
}

/** A translatable message: an i18n key with parameters. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

/** One thing a result points at (a field, stage, user, role, contact group …). */
export interface Item {
  /** Stable within the result, e.g. `field:123@status:456`. */
  id: string;
  message: Message;
  /** Path of the CRM's own page for it (relative to the account host), when one exists. */
  link?: string;
  /** Machine-readable facts for tools and exports. */
  data?: Record<string, unknown>;
}

/** Kinds of a fix: `safe` may be applied in bulk; `confirm` needs an explicit confirmation. */
export const FIX_KINDS = ['safe', 'confirm'] as const;
/** Kind of a fix. */
export type FixKind = (typeof FIX_KINDS)[number];

/** Static description of a rule, as the registry holds it (defineRule fills the defaults). */
export interface RuleMeta {
  id: string;
  area: Area;
  severity: Severity;
  /** Parts the check reads; if any failed, the outcome is `error` without calling check. */
  requires: readonly PartName[];
  /** Parts the check reads when available (e.g. for evidence); a failure here does not make the result `error`. */
  optional: readonly PartName[];
  /** Fix kind, or null when the rule only offers guidance. */
  fix: FixKind | null;
  /** Message ids of its items and evidence; each is the i18n key `items.<id>.<message>`. */
  messages: readonly string[];
  /** Parts a fix writes to, re-read before and after applying (the parts the check reads, unless it says otherwise). */
  touches: readonly PartName[];
}

/** What a rule's check sees: only the parts it requires, the baseline, and the snapshot's time. */
export interface RuleContext {
  parts: SnapshotParts;
  baseline: Baseline;
  takenAt: string;
  window: Snapshot['window'];
}

/** What a check decided, with its items and evidence as report items (message keys, not text). */
export interface CheckResult {
  outcome: CheckOutcome;
  items?: Item[];
  /** Evidence behind a pass or needs-review (signals seen). */
  evidence?: Item[];
  /** What the rule judged, as the result's one-line summary (else the outcome's generic one). */
  summary?: Message;
}

/** One run of a rule's check, and — when it failed and the rule is fixable — the fix built from the same findings. */
export interface Evaluation {
  result: CheckResult;
  /** Builds the plan with names in `lang`; pure; null when the rule passes or has no fix. */
  plan: ((lang: Lang) => Plan | null) | null;
}

/** A rule as the registry holds it: built by `defineRule` (see define-rule.ts), never by hand. */
export interface Rule {
  readonly meta: RuleMeta;
  /** Runs the check over the parts it declared; throws only when the check itself does (the runner contains it). */
  evaluate(ctx: RuleContext): Evaluation;
}

/** A result's own texts as i18n keys: what `localizeReport` turns into `title`, `message`, `why` and `howTo`. */
export interface ResultKeys {
  title: Message;
  /** The one-line summary under the title (for `error`: what could not be read, see `error`). */
  message: Message;
  why: Message;
  howTo: Message;
}

/** Why a result is `error`: the part that failed (and how), or the check that crashed. */
export interface ResultError {
  part: PartName | null;
  failure: PartFailure | null;
  /** The reason as a key: `items.partFailed` {part} for a part, `items.ruleCrashed` {message} for a crash. */
  reason: Message;
}

/**
 * One rule's result as the pure audit produces it: no text, every message a key with parameters, so a
 * report can be shown in any language without auditing again.
 */
export interface AuditResult {
  ruleId: string;
  area: Area;
  outcome: Outcome;
  severity: Severity;
  items: Item[];
  evidence: Item[];
  fix: null | { kind: FixKind; ops: number };
  keys: ResultKeys;
  /** When outcome is error: which part failed and why. */
  error?: ResultError;
}

/** One rule's result in a report, localised: the keys plus their text in the report's language. */
export interface RuleResult extends Omit<AuditResult, 'items' | 'evidence' | 'error'> {
  items: (Item & { text: string })[];
  evidence: (Item & { text: string })[];
  title: string;
  message: string;
  why: string;
  howTo: string;
  /** When outcome is error: which part failed and why, with the reason's text. */
  error?: ResultError & { message: string };
}

/** Counts of outcomes. */
export type OutcomeCounts = Record<Outcome, number>;

/** Score and counts of one area. */
export interface AreaScore {
  id: Area;
  score: number | null;
  counts: OutcomeCounts;
  /** How many of the area's checks ran, could not run, and count in its score. */
  coverage: Coverage;
  /** True when some check of the area could not run: its score rests on fewer checks than the area has. */
  incomplete: boolean;
  /** Parts this area needed that failed, with a human reason. */
  failedParts: (FailedPart & { reason: string })[];
}

/** A part an area needed that failed to load. */
export interface FailedPart {
  part: PartName;
  failure: PartFailure;
}

/** An area's score as the pure audit produces it (failed parts without text). */
export interface AuditAreaScore extends Omit<AreaScore, 'failedParts'> {
  failedParts: FailedPart[];
}

/**
 * The pure audit's report: scores, counts and results with every text as a key. `localizeReport` turns
 * it into a `Report`; a `Report` is also an `AuditReport`, so a saved one can be localised again.
 */
export interface AuditReport {
  schemaVersion: 1;
  generatedAt: string;
  takenAt: string;
  account: { id: number | null; subdomain: string | null; name: string | null };
  /** The baseline, with its name in every language. */
  baseline: { id: string; version: string; names: Record<Lang, string> };
  score: number | null;
  grade: string | null;
  counts: OutcomeCounts;
  /** How much of the checklist the score covers (checked / total, errored, scored). */
  coverage: Coverage;
  /** True when some check could not run (a part failed, e.g. a manager's token): the score covers fewer checks. */
  incomplete: boolean;
  areas: AuditAreaScore[];
  results: AuditResult[];
  requests: { count: number; retries: number };
}

/**
 * The single source for every view and export: the audit report localised in `lang` — every key kept
 * beside its text (`keys`, `items[].message`, `error.reason`), so tools can localise it again.
 */
export interface Report extends Omit<AuditReport, 'baseline' | 'areas' | 'results'> {
  lang: Lang;
  baseline: AuditReport['baseline'] & { name: string };
  areas: AreaScore[];
  results: RuleResult[];
}
