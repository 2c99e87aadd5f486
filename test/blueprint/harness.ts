/** An emulated account with the document engine's collaborators, for blueprint flow tests. */
import { ApiClient } from '../../src/api/client';
import { createEmulator, type Emulator } from '../../src/emulator';
import { BLUEPRINT_PARTS, applyBlueprint } from '../../src/blueprint/apply';
import { captureBlueprint } from '../../src/blueprint/capture';
import { planBlueprint } from '../../src/blueprint/plan/index';
import type { Blueprint } from '../../src/blueprint/types';
import { Journal, memoryJournalStorage } from '../../src/fix/journal';
import { createLock } from '../../src/fix/lock';
import { undoFixes } from '../../src/fix/undo';
import { gatherSnapshot } from '../../src/snapshot/gather';
import { AUDIT_PARTS } from '../../src/audit/parts';
import { FIXED_NOW } from '../support/emulated';

/** An account under test on the fixed clock, with a memory journal. */
export function blueprintAccount(seed: string) {
  const emulator: Emulator = createEmulator({ seed: seed as never, now: () => FIXED_NOW, rate: 1000, quiet: true });
  const client = new ApiClient({
    baseUrl: 'https://emulator.test',
    token: 'dev-token',
    fetch: emulator.fetch,
    rps: 1000,
    maxRetries: 0,
  });
  let n = 0;
  const journal = new Journal(memoryJournalStorage(), { now: () => new Date(FIXED_NOW), newId: () => `id-${++n}` });
  const lock = createLock();
  const now = () => new Date(FIXED_NOW);
  const gather = () => gatherSnapshot(client, { windowDays: 30, now, parts: BLUEPRINT_PARTS });
  // What the configuration document shows: the audit's parts and the field groups.
  const gatherAll = () => gatherSnapshot(client, { windowDays: 30, now, parts: [...AUDIT_PARTS, 'fieldGroups'] });
  return {
    emulator,
    client,
    journal,
    gather,
    gatherAll,
    capture: async () => captureBlueprint(await gather()),
    plan: async (doc: Blueprint) => planBlueprint(doc, await gather()),
    apply: async (doc: Blueprint) =>
      applyBlueprint({ client, blueprint: doc, snapshot: await gather(), journal, lock, isAdmin: true, now }),
    undo: (batchId: string) => undoFixes({ client, journal, lock, isAdmin: true, batchId }),
  };
}

/** The ops of a plan, all sections. */
export function opsOf(plan: ReturnType<typeof planBlueprint>) {
  return plan.sections.flatMap((s) => s.ops);
}
