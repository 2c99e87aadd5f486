/**
 * A journal entry's checksum: a 64-bit hash (two 32-bit FNV-1a lanes with different seeds) of its
 * key-sorted JSON. It catches an entry edited by hand or damaged on disk; it is not a signature (anyone
 * who can edit the file can recompute it), which is why undo also rebuilds every request from the
 * entry's checked targets and compares them with the account before it writes.
 */

/** JSON with object keys sorted and array order kept; `undefined` members dropped as JSON.stringify does. */
export function stableText(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : stableText(x))).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableText(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The checksum of a value, as 16 hex digits. */
export function checksumOf(v: unknown): string {
  const text = stableText(v);
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return `${hex(fnv1a(text, 0x811c9dc5))}${hex(fnv1a(text, 0x2f1b3c4d))}`;
}
