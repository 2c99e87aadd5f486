import type { KeyValueStorage } from '../../src/fix';

/**
 * Browser storage (localStorage's three calls) in a map the test can read; `full` makes every write throw
 * the quota error a full storage throws. One fake for every test of what the panel keeps in the browser.
 */
export function memoryStorage(opts: { full?: boolean } = {}): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (opts.full) throw new DOMException('quota', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => {
      map.delete(k);
    },
  };
}
