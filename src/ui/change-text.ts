import type { Message } from '../audit/types';
import type { Translate } from '../i18n/translate';
import { describeMessage } from '../blueprint/describe';

// amoCRM's right letters (reference: roles): A all, G the user's group, M own records only, D denied.
const RIGHT_VALUES = new Set(['A', 'G', 'M', 'D']);
const ROLE_RIGHT = /^fix\.op\.roleRight\.(export|delete)\.(leads|contacts|companies)$/;

/**
 * One change of a fix as a person reads it. A rights change is said in words ("Export deals: everyone →
 * nobody") instead of amoCRM's letters; every other summary is the fix engine's own sentence.
 */
export function changeText(t: Translate, summary: Message): string {
  // A configuration document's op names entities and rights by code: its own describer puts them into words.
  if (summary.key.startsWith('blueprint.')) return describeMessage(summary, t);
  const m = ROLE_RIGHT.exec(summary.key);
  const params = summary.params ?? {};
  if (m) {
    const word = (v: unknown) =>
      typeof v === 'string' && RIGHT_VALUES.has(v) ? t(`ui.rights.value.${v}`) : String(v ?? '—');
    return t(`ui.rights.change.${m[1]}.${m[2]}`, {
      role: String(params.role ?? ''),
      before: word(params.before),
      after: word(params.after),
    });
  }
  return t(summary.key, params);
}

/** The value at `path` inside `v`, or undefined. */
function at(v: unknown, path: readonly string[]): unknown {
  let node = v;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Both values of an undo conflict as a person reads them. A role's rights are written as one object, so
 * the conflict carries two whole rights objects: what is said is the right the change was about, in
 * words ("nobody", "own records only"), not the API's JSON. Other values keep their display text (`fallback`).
 */
export function conflictValues(
  t: Translate,
  summary: Message,
  values: { expected: unknown; actual: unknown } | undefined,
  fallback: { expected: string; actual: string },
): { expected: string; actual: string } {
  const m = ROLE_RIGHT.exec(summary.key);
  if (!m || !values) return { expected: fallback.expected, actual: fallback.actual };
  const path = ['rights', m[2]!, m[1]!];
  const word = (v: unknown) =>
    typeof v === 'string' && RIGHT_VALUES.has(v) ? t(`ui.rights.value.${v}`) : t('ui.rights.unset');
  return { expected: word(at(values.expected, path)), actual: word(at(values.actual, path)) };
}
