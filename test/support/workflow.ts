import { defaultBaseline } from '../../src/audit/baseline/load';
import { dictionaryFor } from '../../src/cli/dict';
import { memoryJournalStorage } from '../../src/fix/journal';
import { localFixEngine } from '../../src/runner/fix-engine-local';
import { createWorkflow } from '../../src/runner/workflow';
import type { WorkflowDeps } from '../../src/runner/workflow';
import { emulated, FIXED_NOW } from './emulated';

/**
 * A workflow over an in-process emulator of `seed` on the fixed clock: English, the fix engine linked in, the journal in memory,
 * journal ids id-1, id-2, … (so tests can name them); any dependency can be given instead. `requests` lists
 * every request made through it (see clientOf).
 */
export function emulatedWorkflow(seed: string, extra: Partial<WorkflowDeps> = {}) {
  const { emulator, client, requests } = emulated(seed);
  const journal = memoryJournalStorage();
  let n = 0;
  const workflow = createWorkflow({
    client,
    baseline: defaultBaseline(),
    lang: 'en',
    dict: dictionaryFor('en'),
    fixes: async () => localFixEngine,
    journal,
    now: () => new Date(FIXED_NOW),
    newId: () => `id-${++n}`,
    ...extra,
  });
  return { emulator, workflow, journal, requests };
}
