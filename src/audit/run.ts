/**
 * Evaluation: every registered rule against one Snapshot → a Report. Pure: no fetch, no
 * clock (generatedAt is the snapshot's takenAt), no mutation. Failures are contained: a
 * rule whose required part failed, or whose check throws, becomes an `error` result and
 * the rest of the report renders.
 */
import type { Snapshot, SnapshotParts, PartFailure, PartName } from '../snapshot/types';
import type { Baseline } from './baseline/types';
import { dataOf, isFailed } from '../snapshot/types';
import type {
  Area,
  AuditReport,
  AuditResult,
  Evaluation,
  FailedPart,
  Message,
  Outcome,
  Report,
  ResultError,
  Rule,
  RuleContext,
} from './types';
import { createTranslator, type Dictionary, type Lang } from '../i18n/translate';
import { RULES } from './registry';
import { scoreResults } from './scoring';
import { namesLang } from './names-lang';
import { localizeReport } from './localize';
import { OutdatedPartError } from './context';
import { errorResult } from './error-result';
import { outdatedPart } from '../snapshot/migrate';

/** Inputs of the pure audit besides the snapshot. */
export interface AuditReportOptions {
  baseline: Baseline;
  /** The language names a fix writes fall back to when the account does not say its own ('en' by default). */
  lang?: Lang;
  /** Rules to run; the registry by default (tests pass a subset or a deliberately broken rule). */
  rules?: readonly Rule[];
}

/** Inputs of an audit localised in one language. */
export interface AuditOptions extends AuditReportOptions {
  lang: Lang;
  /** The language's i18n dictionary (i18n/<lang>.json). */
  dict: Dictionary;
}

/** The context a rule's check sees: only its required and optional parts, so an undeclared read fails loudly. */
export function contextFor(rule: Rule, snapshot: Snapshot, baseline: Baseline): RuleContext {
  const parts: Partial<SnapshotParts> = {};
  for (const name of [...rule.meta.requires, ...(rule.meta.optional ?? [])]) {
    const part = snapshot.parts[name];
    if (part !== undefined) (parts as Record<string, unknown>)[name] = part;
  }
  return { parts: parts as SnapshotParts, baseline, takenAt: snapshot.takenAt, window: snapshot.window };
}

/** The first required part that failed or was never gathered. */
function missingPart(rule: Rule, snapshot: Snapshot): { part: PartName; failure: PartFailure | null } | null {
  for (const name of rule.meta.requires) {
    const part = snapshot.parts[name];
    if (part === undefined) return { part: name, failure: null };
    if (isFailed<unknown>(part)) return { part: name, failure: part.error };
  }
  return null;
}

/** Run one rule: the check's result (and its plan), or an error naming the failed part or the thrown message. */
export function evaluateRule(rule: Rule, snapshot: Snapshot, baseline: Baseline): Evaluation | { error: ResultError } {
  const missing = missingPart(rule, snapshot);
  if (missing) {
    return {
      error: {
        part: missing.part,
        failure: missing.failure,
        reason: { key: 'items.partFailed', params: { part: missing.part } },
      },
    };
  }
  const ctx = contextFor(rule, snapshot, baseline);
  try {
    return rule.evaluate(ctx);
  } catch (err) {
    if (err instanceof OutdatedPartError) {
      const reason = { key: 'items.partFailed', params: { part: err.part } };
      return { error: { part: err.part, failure: outdatedPart().error, reason } };
    }
    const message = err instanceof Error ? err.message : String(err);
    return { error: { part: null, failure: null, reason: { key: 'items.ruleCrashed', params: { message } } } };
  }
}

/** The one-line summary under a result's title, as a key. */
function summary(outcome: Outcome, items: number, evidence: number): Message {
  if (outcome === 'fail') return { key: 'items.summary.fail', params: { count: items } };
  if (outcome === 'pass' && evidence > 0) return { key: 'items.summary.passEvidence', params: { count: evidence } };
  return { key: `items.summary.${outcome}` };
}

/**
 * The fix a failing result offers: its kind and number of ops, built exactly as `planFor` builds it (names
 * in the account's language); null when there is none or the rule's fix throws.
 */
function fixOf(evaluation: Evaluation, lang: Lang): AuditResult['fix'] {
  if (!evaluation.plan) return null;
  try {
    const plan = evaluation.plan(lang);
    return plan?.ops.length ? { kind: plan.kind, ops: plan.ops.length } : null;
  } catch {
    // A broken fix must not take the finding with it; the result still shows, without a fix.
    return null;
  }
}

/** Build one result from a rule's evaluation; `lang` is the fallback of the names a fix writes. */
export function resultOf(rule: Rule, snapshot: Snapshot, baseline: Baseline, lang: Lang = 'en'): AuditResult {
  const { id, area, severity } = rule.meta;
  const why = { key: `rules.${id}.why` };
  const howTo = { key: `rules.${id}.howTo` };
  const evaluated = evaluateRule(rule, snapshot, baseline);
  if ('error' in evaluated) {
    return errorResult({
      ruleId: id,
      area,
      severity,
      title: { key: `rules.${id}.fail` },
      why,
      howTo,
      error: evaluated.error,
    });
  }
  const { result } = evaluated;
  const items = result.items ?? [];
  const evidence = result.evidence ?? [];
  return {
    ruleId: id,
    area,
    outcome: result.outcome,
    severity,
    items,
    evidence,
    fix: fixOf(evaluated, namesLang(snapshot, lang)),
    keys: {
      title: { key: `rules.${id}.${result.outcome === 'pass' ? 'pass' : 'fail'}` },
      message: result.summary ?? summary(result.outcome, items.length, evidence.length),
      why,
      howTo,
    },
  };
}

/** Parts each area's rules require that failed, in first-seen order. */
function failedPartsByArea(rules: readonly Rule[], snapshot: Snapshot) {
  const byArea: Partial<Record<Area, FailedPart[]>> = {};
  for (const rule of rules) {
    const list = byArea[rule.meta.area] ?? [];
    byArea[rule.meta.area] = list;
    for (const name of rule.meta.requires) {
      const part = snapshot.parts[name];
      if (!isFailed<unknown>(part) || list.some((p) => p.part === name)) continue;
      list.push({ part: name, failure: part.error });
    }
  }
  return byArea;
}

/** The pure audit of a snapshot: exactly one result per rule, area scores, the overall score; no text. */
export function auditReport(snapshot: Snapshot, opts: AuditReportOptions): AuditReport {
  const rules = opts.rules ?? RULES;
  const results = rules.map((rule) => resultOf(rule, snapshot, opts.baseline, opts.lang));
  const scores = scoreResults(results, failedPartsByArea(rules, snapshot));
  const account = dataOf(snapshot.parts.account) ?? null;
  return {
    schemaVersion: 1,
    generatedAt: snapshot.takenAt,
    takenAt: snapshot.takenAt,
    account: { id: account?.id ?? null, subdomain: account?.subdomain ?? null, name: account?.name ?? null },
    baseline: { id: opts.baseline.id, version: opts.baseline.version, names: { ...opts.baseline.name } },
    score: scores.score,
    grade: scores.grade,
    counts: scores.counts,
    coverage: scores.coverage,
    incomplete: scores.incomplete,
    areas: scores.areas,
    results,
    requests: { count: snapshot.requests.count, retries: snapshot.requests.retries },
  };
}

/** Audit a snapshot and localise the report in one go (the edge of faces that show one language). */
export function runAudit(snapshot: Snapshot, opts: AuditOptions): Report {
  return localizeReport(auditReport(snapshot, opts), createTranslator(opts.dict, opts.lang), opts.lang);
}
