/**
 * Fault-test harness: the emulator in-process on a fixed clock, and a client whose sleeps and throttle
 * run on a virtual clock, so Retry-After and backoff waits cost no real time but are still recorded.
 */
import { expect } from 'vitest';
import { ApiClient, Throttle } from '../../src/api';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { RULES } from '../../src/audit/registry';
import type { Report } from '../../src/audit/types';
import { dictionaryFor } from '../../src/cli/dict';
import { createEmulator, type Emulator, type SeedName } from '../../src/emulator';
import { auditAccount } from '../../src/runner/audit';
import type { PartName, Snapshot } from '../../src/snapshot/types';
import { FIXED_NOW } from '../support/emulated';

/** A clock that only moves when someone sleeps on it. */
export function virtualClock() {
  let t = FIXED_NOW;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
      await Promise.resolve();
    },
    sleeps,
  };
}

/** Options of a faulty account. */
export interface FaultyOptions {
  seed?: SeedName;
  userId?: 'manager';
  timeoutMs?: number;
  maxRetries?: number;
  fetch?: typeof fetch;
}

/** An emulator plus a fast client against it. */
export function faultyAccount(opts: FaultyOptions = {}) {
  const emulator: Emulator = createEmulator({
    seed: opts.seed ?? 'messy',
    now: () => FIXED_NOW,
    rate: 1_000_000,
    quiet: true,
  });
  const clock = virtualClock();
  const token = opts.userId === 'manager' ? emulator.tokenFor(emulator.managerId!) : 'dev-token';
  const client = new ApiClient({
    baseUrl: 'https://emulator.test',
    token,
    fetch: opts.fetch ?? emulator.fetch,
    throttle: new Throttle({ limit: 1000, now: clock.now, sleep: clock.sleep }),
    sleep: clock.sleep,
    random: () => 0.5,
    timeoutMs: opts.timeoutMs,
    maxRetries: opts.maxRetries,
  });
  const audit = () =>
    auditAccount({
      client,
      baseline: defaultBaseline(),
      lang: 'en',
      dict: dictionaryFor('en'),
      now: () => new Date(FIXED_NOW),
    });
  return { emulator, client, clock, audit };
}

/** Parts of a snapshot that failed, sorted. */
export function failedParts(snapshot: Snapshot): PartName[] {
  return (Object.entries(snapshot.parts) as [PartName, unknown][])
    .filter(([, p]) => typeof p === 'object' && p !== null && 'error' in p)
    .map(([n]) => n)
    .sort();
}

/** Rules that read any of these parts (the ones that must come out `error`). */
export function rulesRequiring(parts: PartName[]): string[] {
  return RULES.filter((r) => r.meta.requires.some((p) => parts.includes(p)))
    .map((r) => r.meta.id)
    .sort();
}

/**
 * The report has exactly one result per rule, `error` outcomes exactly on the rules that require a failed
 * part (each naming that part), and every other result equal to the fault-free report's.
 */
export function expectErrorsExactlyWhere(report: Report, clean: Report | null, failed: PartName[]): void {
  expect(report.results.map((r) => r.ruleId)).toEqual(RULES.map((r) => r.meta.id));
  const errors = report.results.filter((r) => r.outcome === 'error');
  expect(errors.map((r) => r.ruleId).sort()).toEqual(rulesRequiring(failed));
  for (const r of errors) expect(failed).toContain(r.error?.part);
  if (!clean) return;
  const byId = new Map(clean.results.map((r) => [r.ruleId, r]));
  // A rule that reads a failed part only when available (names of users, a link to the pipeline) judges
  // the same and points at the same things; only how it words them may be poorer.
  const readsOptionally = (id: string) =>
    RULES.find((x) => x.meta.id === id)!.meta.optional.some((p) => failed.includes(p));
  for (const r of report.results.filter((x) => x.outcome !== 'error')) {
    const before = byId.get(r.ruleId)!;
    const items = (list: typeof r.items) => (readsOptionally(r.ruleId) ? list.map((i) => i.id) : list);
    expect({ id: r.ruleId, outcome: r.outcome, items: items(r.items) }).toEqual({
      id: r.ruleId,
      outcome: before.outcome,
      items: items(before.items),
    });
  }
}

/** The gathered data without the request counters (which faults change by design). */
export function dataOf(snapshot: Snapshot): unknown {
  const { requests: _requests, ...rest } = snapshot;
  return rest;
}

let cleanCache: Promise<{ snapshot: Snapshot; report: Report }> | undefined;
/** The fault-free messy audit, for comparison. */
export function cleanMessy(): Promise<{ snapshot: Snapshot; report: Report }> {
  cleanCache ??= faultyAccount().audit();
  return cleanCache;
}
