/** Shared settings and helpers of the bench scenarios. */

/** The API's documented limit and the emulator's latency the bench runs at (design §6). */
export const RATE = 7;
export const LATENCY_MS = 80;

/** The fixed clock every bench emulator uses, so seeds and windows are the same on every run. */
export const BENCH_NOW = Date.parse('2026-11-20T09:00:00Z');

/** Requests ÷ 7 per second plus one latency: no client can finish faster at this rate. */
export function lowerBoundMs(requests: number, rate = RATE, latencyMs = LATENCY_MS): number {
  return (requests / rate) * 1000 + latencyMs;
}

/** Median of numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** CPU time (user + system) of `fn`, ms. */
export function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Rounds to the given number of decimals for printing and JSON. */
export function round(n: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}
