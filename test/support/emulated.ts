import { ApiClient } from '../../src/api/client';
import { createEmulator } from '../../src/emulator';
import type { Emulator } from '../../src/emulator';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { auditAccount } from '../../src/runner/audit';
import { dictionaryFor } from '../../src/cli/dict';
import type { Lang } from '../../src/i18n/translate';

/** The fixed clock of golden reports and flow tests. */
export const FIXED_NOW = Date.parse('2026-11-20T09:00:00Z');

/**
 * A fast client talking in-process to `emulator`; `requests` lists every request it made, as "METHOD /path"
 * (no query), for tests that count what was read or written.
 */
export function clientOf(emulator: Emulator, token = 'dev-token') {
  const requests: string[] = [];
  const client = new ApiClient({
    baseUrl: 'https://emulator.test',
    token,
    rps: 1000,
    fetch: (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return emulator.fetch(input, init);
    },
  });
  return { client, requests };
}

/** An emulator on a fixed clock and a fast client talking to it in-process (see clientOf). */
export function emulated(seed: string, opts: { userId?: number } = {}) {
  const emulator = createEmulator({ seed: seed as never, now: () => FIXED_NOW, rate: 1000, quiet: true });
  const token = opts.userId === undefined ? 'dev-token' : emulator.tokenFor(opts.userId);
  return { emulator, ...clientOf(emulator, token) };
}

/** Gather and audit an emulated account on the fixed clock. */
export async function auditSeed(seed: string, lang: Lang = 'en', opts: { userId?: number } = {}) {
  const { emulator, client } = emulated(seed, opts);
  const result = await auditAccount({
    client,
    baseline: defaultBaseline(),
    lang,
    dict: dictionaryFor(lang),
    now: () => new Date(FIXED_NOW),
  });
  return { ...result, emulator, client };
}
