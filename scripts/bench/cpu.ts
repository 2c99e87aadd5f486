/** CPU figures: rule evaluation over large snapshots, duplicate detection in a clean child process. */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ApiClient } from '../../src/api';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { runAudit } from '../../src/audit/run';
import { dictionaryFor } from '../../src/cli/dict';
import { createEmulator } from '../../src/emulator';
import type { ContactRecord, RecordList } from '../../src/emulator/store';
import { gatherSnapshot } from '../../src/snapshot/gather';
import type { Snapshot } from '../../src/snapshot/types';
import { BENCH_NOW, cpuMs, median } from './common';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Median CPU time of runAudit over `snapshot` (after a warm-up), ms. */
export function rulesCpu(snapshot: Snapshot, repeats = 15): { cpuMs: number; runsMs: number[] } {
  const opts = { baseline: defaultBaseline(), lang: 'en' as const, dict: dictionaryFor('en') };
  for (let i = 0; i < 3; i++) runAudit(snapshot, opts);
  const runs = Array.from({ length: repeats }, () => cpuMs(() => runAudit(snapshot, opts)));
  return { cpuMs: median(runs), runsMs: runs };
}

/**
 * The large snapshot with its contacts part gathered from only the first `n` contacts (the same
 * gatherer, in-process, no rate limit), for how rule time grows with the account.
 */
export async function withFirstContacts(large: Snapshot, n: number): Promise<Snapshot> {
  const emulator = createEmulator({ seed: 'large', rate: 1_000_000, quiet: true, now: () => BENCH_NOW });
  const all = emulator.store.contacts;
  const first: RecordList<ContactRecord> = { length: n, at: (i) => all.at(i), byId: (id) => all.byId(id) };
  (emulator.store as { contacts: RecordList<ContactRecord> }).contacts = first;
  const client = new ApiClient({
    baseUrl: 'https://emulator.local',
    token: 'dev-token',
    fetch: emulator.fetch,
    rps: 1_000_000,
  });
  const part = await gatherSnapshot(client, {
    parts: ['contacts'],
    windowDays: large.window.days,
    now: () => new Date(BENCH_NOW),
  });
  return { ...large, parts: { ...large.parts, contacts: part.parts.contacts } };
}

/** Figures of one duplicate-detection child run. */
export interface DuplicateFigures {
  contacts: number;
  groups: number;
  cpuMs: number;
  cpuRunsMs: number[];
  retainedHeapMB: number;
  maxRssMB: number;
  peakRssGrowthMB: number;
}

/** Duplicate detection over the first `n` contacts of the large seed, in a fresh Node process. */
export async function duplicatesCpu(n: number): Promise<DuplicateFigures> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(root, 'scripts', 'bench', 'duplicates-child.ts'), String(n)],
    { cwd: root, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as DuplicateFigures;
}
