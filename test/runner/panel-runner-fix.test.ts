import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/api/client';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { dictionaryFor } from '../../src/cli/dict';
import { createPanelRunner } from '../../src/runner/panel-runner';
import { localDocumentEngine } from '../../src/runner/document-engine-local';
import { emulated, FIXED_NOW } from '../support/emulated';

describe('createPanelRunner: the re-audit after a fix', () => {
  it('audits the snapshot the fix re-read (no second gather); a plain re-run reads everything', async () => {
    const { emulator } = emulated('messy');
    let requests = 0;
    const client = new ApiClient({
      baseUrl: 'https://emulator.test',
      token: 'dev-token',
      rps: 1000,
      fetch: (input, init) => {
        requests++;
        return emulator.fetch(input, init);
      },
    });
    const store = new Map<string, string>();
    const runner = createPanelRunner({
      client,
      baseline: defaultBaseline(),
      lang: 'en',
      dict: dictionaryFor('en'),
      accountKey: 'acc-1',
      user: { id: 1, name: 'Test' },
      isAdmin: true,
      now: () => new Date(FIXED_NOW),
      storage: {
        getItem: (k) => store.get(k) ?? null,
        setItem: (k, v) => {
          store.set(k, v);
        },
        removeItem: (k) => {
          store.delete(k);
        },
      },
      download: () => {},
      documents: async () => localDocumentEngine,
    });
    const audit = (afterFix?: boolean) =>
      runner.runAudit({ signal: new AbortController().signal, onProgress: () => {}, afterFix });
    const before = await audit();
    expect(before.results.find((r) => r.ruleId === 'unsorted-off')!.outcome).toBe('fail');
    await runner.applyFix(['unsorted-off'], { onOp: () => {} });
    requests = 0;
    const after = await audit(true);
    expect(requests).toBe(0);
    expect(after.results.find((r) => r.ruleId === 'unsorted-off')!.outcome).toBe('pass');
    expect(after.score).toBeGreaterThan(before.score!);
    await audit(true);
    expect(requests).toBeGreaterThan(10);
  });
});
