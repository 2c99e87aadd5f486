import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../src/cli/dict';
import { lastReportStore } from '../../src/runner/last-report';
import { createPanelRunner } from '../../src/runner/panel-runner';
import { emulated, FIXED_NOW } from '../support/emulated';
import { memoryStorage } from '../support/memory-storage';
import { panelRunnerDeps } from '../support/panel-runner';

describe('the last report per account in browser storage', () => {
  it('an audit keeps its report under the account’s key; the next visit reads it back; other accounts see none', async () => {
    const storage = memoryStorage();
    const { client } = emulated('fresh');
    const deps = panelRunnerDeps(client, { storage });
    const first = createPanelRunner({ ...deps, accountKey: '42' });
    expect(await first.lastReport!()).toBeNull();
    const report = await first.audit({ signal: new AbortController().signal, onProgress: () => {} });
    expect([...storage.map.keys()]).toContain('setup-audit:last-report:42');
    const next = createPanelRunner({ ...deps, accountKey: '42' });
    expect(await next.lastReport!()).toEqual({
      report,
      savedAt: new Date(FIXED_NOW).toISOString(),
      requestsByPart: expect.objectContaining({ account: 1, pipelines: 1 }),
    });
    expect(await createPanelRunner({ ...deps, accountKey: '43' }).lastReport!()).toBeNull();
  });

  it('a report kept in one language is shown in the viewer’s language on the next visit', async () => {
    const storage = memoryStorage();
    const { client } = emulated('fresh');
    const base = panelRunnerDeps(client, { storage, accountKey: '42' });
    const ru = createPanelRunner({ ...base, lang: 'ru', dict: dictionaryFor('ru') });
    const russian = await ru.audit({ signal: new AbortController().signal, onProgress: () => {} });
    const en = createPanelRunner({ ...base, lang: 'en', dict: dictionaryFor('en') });
    const english = await en.audit({ signal: new AbortController().signal, onProgress: () => {} });
    storage.setItem(
      'setup-audit:last-report:42',
      JSON.stringify({ report: russian, savedAt: new Date(FIXED_NOW).toISOString() }),
    );
    const shown = (await en.lastReport!())!.report;
    expect(shown.lang).toBe('en');
    expect(shown.results.map((r) => r.title)).toEqual(english.results.map((r) => r.title));
    expect(shown.results.map((r) => r.title)).not.toEqual(russian.results.map((r) => r.title));
  });

  it.each([
    ['not JSON', '{'],
    ['another shape', '{"report":{"schemaVersion":2},"savedAt":"x"}'],
    ['no date', '{"report":{"schemaVersion":1,"results":[],"areas":[],"account":{}}}'],
  ])('a damaged value (%s) reads as none', (_name, value) => {
    const storage = memoryStorage();
    storage.map.set('setup-audit:last-report:1', value);
    expect(lastReportStore(storage, '1').load()).toBeNull();
  });

  it('a full storage loses only the copy', () => {
    const store = lastReportStore(memoryStorage({ full: true }), '1');
    expect(store.save({ schemaVersion: 1 } as never)).toBe(false);
    expect(store.load()).toBeNull();
  });

  it('the kept counts give the next visit’s audit its time left; a damaged count gives none, not a wrong one', async () => {
    const storage = memoryStorage();
    const { client } = emulated('messy');
    const deps = panelRunnerDeps(client, { storage, accountKey: '42' });
    const bases = async () => {
      const seen: string[] = [];
      const runner = createPanelRunner(deps);
      await runner.audit({
        signal: new AbortController().signal,
        onProgress: (p) => {
          if (p.partsDone > 0 && p.partsDone < p.partsTotal) seen.push(p.timeLeft.basis);
        },
      });
      return new Set(seen);
    };
    expect(await bases()).toEqual(new Set(['unknown']));
    const kept = lastReportStore(storage, '42').load()!;
    expect(Object.values(kept.requestsByPart!).reduce((a, b) => a + b, 0)).toBe(kept.report.requests.count);
    // A new visit (a new runner, no audit in hand) estimates from the kept counts.
    expect(await bases()).toEqual(new Set(['previous']));
    const raw = JSON.parse(storage.getItem(lastReportStore(storage, '42').key)!);
    storage.setItem(lastReportStore(storage, '42').key, JSON.stringify({ ...raw, requestsByPart: { contacts: -3 } }));
    expect(lastReportStore(storage, '42').load()).not.toHaveProperty('requestsByPart');
    expect(lastReportStore(storage, '42').load()?.report.score).toBe(kept.report.score);
  });
});
