import { describe, expect, it } from 'vitest';
import { stressEmulator } from '../../scripts/bench/stress';

// 5 s here to keep `npm test` short; `npm run bench` runs the same for 30 s (FAULTS_STRESS_MS overrides).
const DURATION_MS = Number(process.env.FAULTS_STRESS_MS ?? 5000);

describe('the emulator under load', () => {
  it(
    `20 concurrent clients over HTTP for ${DURATION_MS / 1000} s (30 s in the bench): every answer well-formed, every 429 with Retry-After`,
    async () => {
      const result = await stressEmulator({ clients: 20, durationMs: DURATION_MS });
      expect(result.problems).toEqual([]);
      expect(result.malformed).toBe(0);
      expect(result.networkErrors).toBe(0);
      expect(result.http429WithoutRetryAfter).toBe(0);
      // The load really hit the limit, and the limiter still let work through.
      expect(result.http429).toBeGreaterThan(20);
      expect(result.statuses['200']).toBeGreaterThan(0);
      // At 7 per second, no more than 7 per started second (plus the first window) were accepted.
      const accepted = Object.entries(result.statuses)
        .filter(([s]) => s !== '429')
        .reduce((n, [, c]) => n + c, 0);
      expect(accepted).toBeLessThanOrEqual(7 * (Math.ceil(DURATION_MS / 1000) + 1));
    },
    DURATION_MS + 20_000,
  );
});
