import type { Snapshot, SnapshotParts, PartName, PartFailure } from '../snapshot/types';
import type { Baseline } from './baseline/types';
import type { Plan } from '../fix/types';
import type { Coverage } from './scoring';

/** Areas in the setup order the product presents them. */
export const AREAS = ['fields', 'rights', 'pipeline', 'mail', 'forms', 'telephony', 'channels', 'data'] as const;
/** One area of the checklist. */
export type Area = (typeof AREAS)[number];

/** Severity; weights for scoring live in scoring.ts. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Outcome of a rule (axe-core style: more than pass/fail). */
export type Outcome = 'pass' | 'fail' | 'needs-review' | 'manual' | 'not-applicable' | 'error';

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

/** Kind of a fix: `safe` may be applied in bulk; `confirm` needs an explicit confirmation. */
export type FixKind = 'safe' | 'confirm';

/** Static description of a rule. */
export interface RuleMeta {
  id: string;
  area: Area;
  severity: Severity;
  /** Parts the check reads; if any failed, the outcome is `error` without calling check. */
  requires: PartName[];
  /** Parts the check reads when available (e.g. for evidence); a failure here does not make the result `error`. */
  optional?: PartName[];
  /** Fix kind, or null when the rule only offers guidance. */
  fix: FixKind | null;
}

/** What a rule's check sees: only the parts it requires, the baseline, and the snapshot's time. */
export interface RuleContext {
  parts: SnapshotParts;
  baseline: Baseline;
  takenAt: string;
  window: Snapshot['window'];
}

/** What a check returns. */
export interface CheckResult {
  outcome: Exclude<Outcome, 'error'>;
  items?: Item[];
  /** Evidence behind a pass or needs-review (signals seen). */
  evidence?: Item[];
}

/** A rule = metadata + a pure check (+ an optional plan builder for fixable rules). */
export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): CheckResult;
  /** Builds the fix for a failing result from the same context; pure, returns data. */
  plan?(ctx: RuleContext, result: CheckResult): Plan | null;
}

/** One rule's result in a report. */
export interface RuleResult {
  ruleId: string;
  area: Area;
  outcome: Outcome;
  severity: Severity;
  items: (Item & { text: string })[];
  evidence: (Item & { text: string })[];
  fix: null | { kind: FixKind; ops: number };
  title: string;
  message: string;
  why: string;
  howTo: string;
  /** When outcome is error: which part failed and why. */
  error?: { part: PartName | null; failure: PartFailure | null; message: string };
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
  failedParts: { part: PartName; reason: string }[];
}

/** The single source for every view and export. */
export interface Report {
  schemaVersion: 1;
  generatedAt: string;
  takenAt: string;
  lang: 'ru' | 'en';
  account: { id: number | null; subdomain: string | null; name: string | null };
  baseline: { id: string; version: string; name: string };
  score: number | null;
  grade: string | null;
  counts: OutcomeCounts;
  /** How much of the checklist the score covers (checked / total, errored, scored). */
  coverage: Coverage;
  /** True when some check could not run (a part failed, e.g. a manager's token): the score covers fewer checks. */
  incomplete: boolean;
  areas: AreaScore[];
  results: RuleResult[];
  requests: { count: number; retries: number };
}
