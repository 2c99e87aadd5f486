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
