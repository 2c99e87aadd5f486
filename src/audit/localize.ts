/**
 * Text at the edge: the pure audit gives every text as a key; this one step turns a report into text
 * in one language for every face (panel, CLI text, Markdown, XLSX, JSON). A `Report` carries its keys,
 * so localising it again (the panel's language switch, a saved report) needs no new audit.
 */
import type { Lang, Translate } from '../i18n/translate';
import { failureReason } from '../snapshot/failure-reason';
import type { AuditReport, AuditResult, Item, Report, ResultError, RuleResult } from './types';

function withText(items: readonly Item[], t: Translate): (Item & { text: string })[] {
  return items.map((item) => {
    // A localised item already carries its text; only its message decides the new one.
    const { text: _old, ...rest } = item as Item & { text?: string };
    return { ...rest, text: t(item.message.key, item.message.params) };
  });
}

/** The sentence of an `error` result: the part and why it failed, or the crash. */
export function errorText(error: ResultError, t: Translate): string {
  if (error.part === null) return t(error.reason.key, error.reason.params);
  const reason = error.failure ? failureReason(error.failure, t) : t('items.partNotGathered');
  return t('items.partFailed', { part: t(`parts.${error.part}`), reason });
}

/** One result in one language. */
export function localizeResult(result: AuditResult, t: Translate): RuleResult {
  const { keys, error, items, evidence, ...rest } = result as AuditResult & Partial<RuleResult>;
  const message = error ? errorText(error, t) : t(keys.message.key, keys.message.params);
  const { message: _oldMessage, ...errorKeys } = (error ?? {}) as ResultError & { message?: string };
  return {
    ...rest,
    items: withText(items, t),
    evidence: withText(evidence, t),
    keys,
    title: t(keys.title.key, keys.title.params),
    message,
    why: t(keys.why.key, keys.why.params),
    howTo: t(keys.howTo.key, keys.howTo.params),
    ...(error ? { error: { ...errorKeys, message } } : {}),
  };
}

/** The report in one language; `report` may be a pure audit report or a report localised before. */
export function localizeReport(report: AuditReport, t: Translate, lang: Lang): Report {
  const { baseline, areas, results } = report;
  return {
    ...(report as AuditReport & Partial<Report>),
    lang,
    // A report saved before the product spoke a language (es, pt, …) carries no name in it; its en name is the Latin-script one.
    baseline: {
      id: baseline.id,
      version: baseline.version,
      names: baseline.names,
      name: (baseline.names as Partial<Record<Lang, string>>)[lang] ?? baseline.names.en,
    },
    areas: areas.map((a) => ({
      ...a,
      failedParts: a.failedParts.map((f) => ({
        part: f.part,
        failure: f.failure,
        reason: failureReason(f.failure, t),
      })),
    })),
    results: results.map((r) => localizeResult(r, t)),
  };
}
