/** A messy (or other) emulated account, a fast client, and the fix engine's collaborators, for flow tests. */
import { ApiClient } from '../../src/api/client';
import { createEmulator, type Emulator } from '../../src/emulator';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { AUDIT_PARTS } from '../../src/audit/parts';
import { runAudit } from '../../src/audit/run';
import type { Dictionary } from '../../src/i18n/translate';
import { gatherSnapshot } from '../../src/snapshot/gather';
import type { Snapshot } from '../../src/snapshot/types';
import { Journal, memoryJournalStorage } from '../../src/fix/journal';
import { createLock } from '../../src/fix/lock';
import { FIXED_NOW } from '../support/emulated';
import { applyFixes, type ApplyOptions } from '../../src/fix/executor';
import { undoFixes } from '../../src/fix/undo';
import en from '../../i18n/en.json';

/** The fixed clock of the fix tests: the same instant as the shared emulated accounts. */
export const NOW = FIXED_NOW;
export const baseline = defaultBaseline();

/** The parts of the account a fix may touch, as JSON (id counters excluded: undo cannot rewind them). */
export function touchedState(emulator: Emulator): string {
  const { fields, pipelines, roles, users } = emulator.store;
  return stableJson({ fields, pipelines, roles, users });
}

/** JSON with object keys sorted (arrays keep their order): equal data, equal text. */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}

/** Options of an account under test. */
export interface AccountOptions {
  seed?: string;
  /** Over real HTTP (emulator.listen(0)) instead of the in-process fetch. */
  http?: boolean;
  userId?: number;
  /** Wraps the fetch the client uses (to lose answers, time out after sending, …). */
  wrapFetch?: (inner: typeof fetch) => typeof fetch;
  timeoutMs?: number;
}

/** An account under test. Call `close()` when done with an HTTP one. */
export async function account(opts: AccountOptions = {}) {
  const emulator = createEmulator({ seed: (opts.seed ?? 'messy') as never, now: () => NOW, rate: 1000, quiet: true });
  let baseUrl = 'https://emulator.test';
  let inner: typeof fetch = emulator.fetch;
  let close = async () => {};
  if (opts.http) {
    const listening = await emulator.listen(0, '127.0.0.1');
    baseUrl = listening.url;
    inner = fetch;
    close = () => listening.close();
  }
  const token = opts.userId === undefined ? 'dev-token' : emulator.tokenFor(opts.userId);
  const client = new ApiClient({
    baseUrl,
    token,
    fetch: opts.wrapFetch ? opts.wrapFetch(inner) : inner,
    rps: 1000,
    maxRetries: 0,
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
  const storage = memoryJournalStorage();
  let n = 0;
  const journal = new Journal(storage, { now: () => new Date(NOW), newId: () => `id-${++n}` });
  const lock = createLock();
  const gather = () => gatherSnapshot(client, { parts: AUDIT_PARTS, windowDays: 30, now: () => new Date(NOW) });
  const outcomeOf = (snapshot: Snapshot, ruleId: string) =>
    runAudit(snapshot, { baseline, lang: 'en', dict: en as Dictionary }).results.find((r) => r.ruleId === ruleId)!
      .outcome;
  const apply = async (ruleIds: string[], extra: Partial<ApplyOptions> = {}) =>
    applyFixes({
      client,
      ruleIds,
      snapshot: await gather(),
      baseline,
      lang: 'en',
      journal,
      lock,
      isAdmin: true,
      confirmed: true,
      now: () => new Date(NOW),
      ...extra,
    });
  const undo = (sel: { batchId?: string; entryIds?: string[] }) =>
    undoFixes({ client, journal, lock, isAdmin: true, ...sel });
  return { emulator, client, journal, storage, lock, gather, outcomeOf, apply, undo, close };
}
