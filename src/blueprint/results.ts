/**
 * The document as audit results: `blueprint-fields`, `blueprint-pipelines`, `blueprint-required`,
 * `blueprint-roles`, `blueprint-loss-reasons` — pass when the account matches the document, fail with
 * one item per difference, error when a part they read failed. Added to a Report after the rules ran, so
 * a saved report still has one result per registry rule and these besides.
 */
import { errorResult } from '../audit/error-result';
import type { Area, AuditResult, Message, Severity } from '../audit/types';
import type { Translate } from '../i18n/translate';
import type { Snapshot } from '../snapshot/types';
import { planBlueprint } from './plan/index';
import type { Blueprint, BlueprintSection } from './types';

/** Result ids in report order, with the area and severity each counts in. */
export const BLUEPRINT_RESULTS: readonly { id: string; section: BlueprintSection; area: Area; severity: Severity }[] = [
  { id: 'blueprint-fields', section: 'fields', area: 'fields', severity: 'medium' },
  { id: 'blueprint-pipelines', section: 'pipelines', area: 'pipeline', severity: 'medium' },
  { id: 'blueprint-required', section: 'required', area: 'fields', severity: 'medium' },
  { id: 'blueprint-roles', section: 'roles', area: 'rights', severity: 'medium' },
  { id: 'blueprint-loss-reasons', section: 'loss-reasons', area: 'fields', severity: 'medium' },
];

/**
 * Where the results are read: their "how to" names the steps of that face — the CLI's commands, or the
 * panel's section and buttons (a panel user has no terminal, a CLI user no buttons).
 */
export type ResultsFace = 'cli' | 'panel';

/** The "how to" of a document's results on each face. */
export const HOW_TO: Record<ResultsFace, string> = {
  cli: 'blueprint.result.howTo',
  panel: 'blueprint.result.howToPanel',
};

/** The five results for a snapshot, as the pure audit gives results (texts as keys). */
export function blueprintResults(
  doc: Blueprint,
  snapshot: Snapshot,
  t: Translate,
  face: ResultsFace = 'cli',
): AuditResult[] {
  const plan = planBlueprint(doc, snapshot);
  return BLUEPRINT_RESULTS.map(({ id, section, area, severity }): AuditResult => {
    const s = plan.sections.find((x) => x.section === section)!;
    const texts = { why: { key: 'blueprint.result.why' }, howTo: { key: HOW_TO[face] } };
    if (s.error) {
      return errorResult({
        ruleId: id,
        area,
        severity,
        title: { key: `blueprint.result.${section}.fail` },
        ...texts,
        error: { part: null, failure: null, reason: s.error },
      });
    }
    // Entity names are put into words here: item texts are rendered from their message alone.
    const items = s.differences.map((m, i) => ({ id: `${id}:${i}`, message: localParams(m, t) }));
    const outcome = items.length ? 'fail' : 'pass';
    return {
      ruleId: id,
      area,
      outcome,
      severity,
      items,
      evidence: [],
      fix: null,
      keys: {
        title: { key: `blueprint.result.${section}.${outcome}` },
        message:
          outcome === 'fail'
            ? { key: 'items.summary.fail', params: { count: items.length } }
            : { key: 'items.summary.pass' },
        ...texts,
      },
    };
  });
}

function localParams(m: Message, t: Translate): Message {
  const entity = m.params?.['entity'];
  return typeof entity === 'string' ? { ...m, params: { ...m.params, entity: t(`export.entity.${entity}`) } } : m;
}

export { withResults } from './with-results';
