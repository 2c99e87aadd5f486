import type { ApiClient } from '../../src/api/client';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { dictionaryFor } from '../../src/cli/dict';
import { localDocumentEngine } from '../../src/runner/document-engine-local';
import { localFixEngine } from '../../src/runner/fix-engine-local';
import type { PanelRunnerDeps } from '../../src/runner/panel-runner';
import { FIXED_NOW } from './emulated';
import { memoryStorage } from './memory-storage';

/**
 * What a panel runner is made with in a test: English, an admin, the fixed clock, storage in memory,
 * downloads dropped, the document and fix engines linked in. A test overrides what it looks at (the storage it
 * reads, the user whose name it expects, the downloads it counts).
 */
export function panelRunnerDeps(client: ApiClient, over: Partial<PanelRunnerDeps> = {}): PanelRunnerDeps {
  return {
    client,
    baseline: defaultBaseline(),
    lang: 'en',
    dict: dictionaryFor('en'),
    accountKey: 'acc-1',
    user: { id: 1, name: 'Test' },
    isAdmin: true,
    now: () => new Date(FIXED_NOW),
    storage: memoryStorage(),
    download: () => {},
    documents: async () => localDocumentEngine,
    fixes: async () => localFixEngine,
    ...over,
  };
}
