/**
 * Comparing what an op wrote with what the account holds: the target is projected onto the shape
 * of the written body (only the keys the op touched), then compared order-insensitively for arrays,
 * because the API does not promise to keep the order of `required_statuses`.
 */

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The part of `current` that has the shape of `shape`: the same keys, recursively; arrays element-wise. */
export function project(current: unknown, shape: unknown): unknown {
  if (Array.isArray(shape)) {
    const list = Array.isArray(current) ? current : [];
    const keys = new Set<string>();
    for (const el of shape) if (isPlainObject(el)) for (const k of Object.keys(el)) keys.add(k);
    if (keys.size === 0) return list;
    const proto = Object.fromEntries([...keys].map((k) => [k, null]));
    return list.map((el) => project(el, proto));
  }
  if (isPlainObject(shape)) {
    const src = isPlainObject(current) ? current : {};
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(shape)) out[k] = project(src[k], shape[k]);
    return out;
  }
  return current === undefined ? null : current;
}

/** A canonical JSON text: object keys sorted, arrays sorted by their elements' canonical text. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).sort().join(',')}]`;
  if (isPlainObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v === undefined ? null : v);
}

/** True when two values are equal as data (key order and array order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** True when `current` holds `written` on every key `written` names. */
export function holds(current: unknown, written: unknown): boolean {
  return sameValue(project(current, written), written);
}

/** A short display text of a value for conflict reports. */
export function displayValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
