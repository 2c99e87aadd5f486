/**
 * Issue 12 item 12: two CLI runs on one account share one request window (a slot file per account), so
 * the server sees at most 7 requests in any second and answers no 429 — where two runs with windows of
 * their own set off the 429 → 403 ban.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator';
import { listenWith } from '../../src/emulator/node-adapter';
import { maxInWindow } from '../api/fake';

const child = join(import.meta.dirname, 'support', 'slot-child.ts');

function run(
  baseUrl: string,
  dir: string,
  requests: number,
): Promise<{ requests: number; http429: number; failed: string[] }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, baseUrl, dir, String(requests)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    p.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child exited ${code}: ${err}`)),
    );
  });
}

describe('two processes, one account', () => {
  it('together ≤ 7 requests in any second at the server, and no 429', { timeout: 60_000 }, async () => {
    const emulator = createEmulator({ seed: 'messy', quiet: true });
    const arrivals: number[] = [];
    const server = await listenWith((req) => {
      arrivals.push(Date.now());
      return emulator.handle(req);
    }, 0);
    const dir = mkdtempSync(join(tmpdir(), 'slots-two-'));
    try {
      const [a, b] = await Promise.all([run(server.url, dir, 21), run(server.url, dir, 21)]);
      expect(a.failed).toEqual([]);
      expect(b.failed).toEqual([]);
      expect(a.http429 + b.http429).toBe(0);
      expect(arrivals).toHaveLength(42);
      expect(maxInWindow(arrivals, 1000)).toBeLessThanOrEqual(7);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
