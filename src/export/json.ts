import type { Report } from '../audit/types';

/** Top-level keys in the order readers expect them; anything else follows alphabetically. */
const TOP_ORDER = [
  'schemaVersion',
  'generatedAt',
  'takenAt',
  'lang',
  'account',
  'baseline',
  'score',
  'grade',
  'counts',
  'coverage',
  'incomplete',
  'areas',
  'results',
  'requests',
];

function sortKeys(value: unknown, order?: string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  const rank = (k: string) => (order?.includes(k) ? order.indexOf(k) : Number.MAX_SAFE_INTEGER);
  keys.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = sortKeys(obj[k]);
  return out;
}

/**
 * The report as stable pretty JSON: fixed top-level order, other keys sorted, two-space
 * indent, trailing newline — so two runs over the same snapshot diff cleanly.
 */
export function reportToJson(report: Report): string {
  return `${JSON.stringify(sortKeys(report, TOP_ORDER), null, 2)}\n`;
}
