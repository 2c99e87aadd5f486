import { describe, expect, it } from 'vitest';
import { keepLastReport, readLastReport } from '../../src/shell/last-report';
import { createPanelStore } from '../../src/ui/store';
import { FakeRunner, deferred } from '../ui/fake-runner';
import { reportFixture } from '../ui/fixtures';

function memory(failWrites = false) {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (failWrites) throw new DOMException('quota', 'QuotaExceededError');
      data.set(k, v);
    },
  };
}

describe('the last report of an account', () => {
  it('is kept when an audit finishes, per account, and read back on the next visit', async () => {
    const storage = memory();
    const first = reportFixture({ score: 61 });
    const store = createPanelStore({ runner: new FakeRunner({ reports: [first] }) });
    const stop = keepLastReport(store, storage, '42');
    await store.dispatch({ type: 'run-audit' });
    stop();
    expect([...storage.data.keys()]).toEqual(['setup-audit:last-report:42']);
    expect(readLastReport(storage, '42', 'en')?.score).toBe(61);
    expect(readLastReport(storage, '7', 'en')).toBeNull();
  });

  it('is not replaced while an audit is still running (a shown report is not a finished one)', async () => {
    const storage = memory();
    const gate = deferred();
    const store = createPanelStore({ runner: new FakeRunner({ auditGate: gate }), report: reportFixture() });
    keepLastReport(store, storage, '42');
    const running = store.dispatch({ type: 'run-audit' });
    expect(store.getState().audit.status).toBe('running');
    expect(storage.data.size).toBe(0);
    gate.resolve();
    await running;
    expect(storage.data.size).toBe(1);
  });

  it.each([
    ['damaged JSON', '{"schemaVersion": 1, "res'],
    ['not a report', '{"schemaVersion": 2, "results": []}'],
    ['a report in the other language', JSON.stringify({ ...reportFixture(), lang: 'ru' })],
  ])('is ignored when it is %s', (_, text) => {
    const storage = memory();
    storage.data.set('setup-audit:last-report:42', text);
    expect(readLastReport(storage, '42', 'en')).toBeNull();
  });

  it('a storage that refuses writes (quota) loses nothing but the head start', async () => {
    const storage = memory(true);
    const store = createPanelStore({ runner: new FakeRunner() });
    keepLastReport(store, storage, '42');
    await expect(store.dispatch({ type: 'run-audit' })).resolves.toBeUndefined();
    expect(store.getState().report).not.toBeNull();
    expect(readLastReport(undefined, '42', 'en')).toBeNull();
  });
});
