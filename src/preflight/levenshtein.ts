/** Edit distance, giving up (returning max + 1) as soon as it must exceed `max`. */
export function levenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest candidate within `max` edits of the normalised input (ties: the first), or null. */
export function closest<T>(input: string, candidates: T[], key: (c: T) => string, max: number): T | null {
  let best: T | null = null;
  let bestD = max + 1;
  for (const c of candidates) {
    const d = levenshtein(input, key(c), Math.min(max, bestD - 1));
    if (d < bestD) {
      best = c;
      bestD = d;
    }
    if (bestD === 0) break;
  }
  return bestD <= max ? best : null;
}
