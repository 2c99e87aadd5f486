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

/**
 * True when `current` holds `written` on every key `written` names. A list of objects is held element
 * by element, each written element by an element of its own, in any order: so an option written without
 * an id (a new one) is held by the option the server gave an id, while the options written with their
 * ids must keep them.
 */
export function holds(current: unknown, written: unknown): boolean {
  if (Array.isArray(written)) {
    if (!written.every(isPlainObject)) return sameValue(project(current, written), written);
    if (!Array.isArray(current) || current.length !== written.length) return false;
    const free = [...current];
    // The elements naming more keys are matched first, so one without an id cannot take another's match.
    const order = [...written].sort((a, b) => Object.keys(b).length - Object.keys(a).length);
    for (const w of order) {
      const at = free.findIndex((c) => holds(c, w));
      if (at < 0) return false;
      free.splice(at, 1);
    }
    return true;
  }
  if (isPlainObject(written)) {
    const src = isPlainObject(current) ? current : {};
    return Object.keys(written).every((k) => written[k] === undefined || holds(src[k], written[k]));
  }
  return sameValue(current === undefined ? null : current, written);
}

/** A short display text of a value for conflict reports. */
export function displayValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
