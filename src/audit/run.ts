/**
 * Evaluation: every registered rule against one Snapshot → a Report. Pure: no fetch, no
 * clock (generatedAt is the snapshot's takenAt), no mutation. Failures are contained: a
 * rule whose required part failed, or whose check throws, becomes an `error` result and
 * the rest of the report renders.
 */
import type { Snapshot, SnapshotParts, PartFailure, PartName } from '../snapshot/types';
import type { Baseline } from './baseline/types';
import { dataOf, isFailed } from '../snapshot/types';
import type { Area, Evaluation, Item, Outcome, Report, Rule, RuleContext, RuleResult } from './types';
import { createTranslator, type Dictionary, type Lang, type Translate } from '../i18n/translate';
import { RULES } from './registry';
import { scoreResults } from './scoring';
import { failureReason } from '../snapshot/failure-reason';
import { namesLang } from './names-lang';

/** Inputs of an audit besides the snapshot. */
export interface AuditOptions {
  baseline: Baseline;
  lang: Lang;
  /** The language's i18n dictionary (i18n/<lang>.json). */
  dict: Dictionary;
  /** Rules to run; the registry by default (tests pass a subset or a deliberately broken rule). */
  rules?: readonly Rule[];
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
export function evaluateRule(
  rule: Rule,
  snapshot: Snapshot,
  baseline: Baseline,
  t: Translate,
): Evaluation | { error: NonNullable<RuleResult['error']> } {
  const missing = missingPart(rule, snapshot);
  if (missing) {
    const part = t(`parts.${missing.part}`);
    const reason = missing.failure ? failureReason(missing.failure, t) : t('items.partNotGathered');
    return {
      error: { part: missing.part, failure: missing.failure, message: t('items.partFailed', { part, reason }) },
    };
  }
  const ctx = contextFor(rule, snapshot, baseline);
  try {
    return rule.evaluate(ctx);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { error: { part: null, failure: null, message: t('items.ruleCrashed', { message }) } };
  }
}

function render(items: readonly Item[] | undefined, t: Translate): (Item & { text: string })[] {
  return (items ?? []).map((item) => ({ ...item, text: t(item.message.key, item.message.params) }));
}

/** The one-line summary under a result's title. */
function summary(outcome: Outcome, items: number, evidence: number, t: Translate): string {
  if (outcome === 'fail') return t('items.summary.fail', { count: items });
  if (outcome === 'pass' && evidence > 0) return t('items.summary.passEvidence', { count: evidence });
  return t(`items.summary.${outcome}`);
}

/**
 * The fix a failing result offers: its kind and number of ops, built exactly as `planFor` builds it (names
 * in the account's language); null when there is none or the rule's fix throws.
 */
function fixOf(evaluation: Evaluation, lang: Lang): RuleResult['fix'] {
  if (!evaluation.plan) return null;
  try {
    const plan = evaluation.plan(lang);
    return plan?.ops.length ? { kind: plan.kind, ops: plan.ops.length } : null;
  } catch {
    // A broken fix must not take the finding with it; the result still shows, without a fix.
    return null;
  }
}

/** Build one result from a rule's evaluation; `lang` is the report's (fixes write names in the account's). */
export function resultOf(
  rule: Rule,
  snapshot: Snapshot,
  baseline: Baseline,
  t: Translate,
  lang: Lang = 'en',
): RuleResult {
  const { id, area, severity } = rule.meta;
  const texts = {
    why: t(`rules.${id}.why`),
    howTo: t(`rules.${id}.howTo`),
  };
  const evaluated = evaluateRule(rule, snapshot, baseline, t);
  if ('error' in evaluated) {
    return {
      ruleId: id,
      area,
      outcome: 'error',
      severity,
      items: [],
      evidence: [],
      fix: null,
      title: t(`rules.${id}.fail`),
      message: evaluated.error.message,
      ...texts,
      error: evaluated.error,
    };
  }
  const { result } = evaluated;
  const items = render(result.items, t);
  const evidence = render(result.evidence, t);
  return {
    ruleId: id,
    area,
    outcome: result.outcome,
    severity,
    items,
    evidence,
    fix: fixOf(evaluated, namesLang(snapshot, lang)),
    title: t(`rules.${id}.${result.outcome === 'pass' ? 'pass' : 'fail'}`),
    message: summary(result.outcome, items.length, evidence.length, t),
    ...texts,
  };
}

/** Parts each area's rules require that failed, with a human reason, in first-seen order. */
function failedPartsByArea(rules: readonly Rule[], snapshot: Snapshot, t: Translate) {
  const byArea: Partial<Record<Area, { part: PartName; reason: string }[]>> = {};
  for (const rule of rules) {
    const list = byArea[rule.meta.area] ?? [];
    byArea[rule.meta.area] = list;
    for (const name of rule.meta.requires) {
      const part = snapshot.parts[name];
      if (!isFailed<unknown>(part) || list.some((p) => p.part === name)) continue;
      list.push({ part: name, reason: failureReason(part.error, t) });
    }
  }
  return byArea;
}

/** Audit a snapshot: exactly one result per rule, area scores, the overall score. */
export function runAudit(snapshot: Snapshot, opts: AuditOptions): Report {
  const rules = opts.rules ?? RULES;
  const t = createTranslator(opts.dict, opts.lang);
  const results = rules.map((rule) => resultOf(rule, snapshot, opts.baseline, t, opts.lang));
  const scores = scoreResults(results, failedPartsByArea(rules, snapshot, t));
  const account = dataOf(snapshot.parts.account) ?? null;
  return {
    schemaVersion: 1,
    generatedAt: snapshot.takenAt,
    takenAt: snapshot.takenAt,
    lang: opts.lang,
    account: { id: account?.id ?? null, subdomain: account?.subdomain ?? null, name: account?.name ?? null },
    baseline: { id: opts.baseline.id, version: opts.baseline.version, name: opts.baseline.name[opts.lang] },
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
