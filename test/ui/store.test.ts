import { describe, expect, it } from 'vitest';
import { createPanelStore, safeFixRuleIds } from '../../src/ui/store';
import { FakeRunner, deferred } from './fake-runner';
import { defaultResults, reportFixture, result } from './fixtures';

describe('panel store', () => {
  it('runs an audit, reporting progress, and keeps the report', async () => {
    const runner = new FakeRunner({
      progress: [
        { partsDone: 1, partsTotal: 4, requests: 1 },
        { partsDone: 4, partsTotal: 4, requests: 6 },
      ],
    });
    const store = createPanelStore({ runner });
    const seen: (number | undefined)[] = [];
    store.subscribe((s) => seen.push(s.audit.progress?.partsDone));
    await store.dispatch({ type: 'run-audit' });
    expect(seen).toContain(1);
    expect(seen).toContain(4);
    expect(store.getState().report?.score).toBe(72);
    expect(store.getState().audit).toEqual({ status: 'idle', progress: null, error: null });
  });

  it('cancel aborts the signal, keeps the old report and ignores the late answer', async () => {
    const gate = deferred();
    const old = reportFixture({ score: 10 });
    const runner = new FakeRunner({ auditGate: gate });
    const store = createPanelStore({ runner, report: old });
    const running = store.dispatch({ type: 'run-audit' });
    await store.dispatch({ type: 'cancel-audit' });
    gate.resolve();
    await running;
    expect(runner.lastSignal?.aborted).toBe(true);
    expect(store.getState().audit.status).toBe('cancelled');
    expect(store.getState().report).toBe(old);
  });

  it('a second run while one is running does not start another gather', async () => {
    const gate = deferred();
    const runner = new FakeRunner({ auditGate: gate });
    const store = createPanelStore({ runner });
    const a = store.dispatch({ type: 'run-audit' });
    const b = store.dispatch({ type: 'run-audit' });
    gate.resolve();
    await Promise.all([a, b]);
    expect(runner.calls.runAudit).toBe(1);
  });

  it('confirm applies once, and only after a preview', async () => {
    const runner = new FakeRunner();
    const store = createPanelStore({ runner, report: reportFixture() });
    await store.dispatch({ type: 'confirm-fix' });
    expect(runner.calls.applyFix).toHaveLength(0);
    await store.dispatch({ type: 'open-fix', ruleIds: ['required-at-entry-stage'] });
    await Promise.all([store.dispatch({ type: 'confirm-fix' }), store.dispatch({ type: 'confirm-fix' })]);
    expect(runner.calls.applyFix).toHaveLength(1);
    expect(store.getState().fix?.status).toBe('done');
  });

  it('a non-admin store refuses fix and undo intents', async () => {
    const runner = new FakeRunner({ canFix: false });
    const store = createPanelStore({ runner, report: reportFixture() });
    await store.dispatch({ type: 'open-fix', ruleIds: ['required-at-entry-stage'] });
    await store.dispatch({ type: 'open-fix-all-safe' });
    await store.dispatch({ type: 'undo', entryId: 'j1' });
    expect(store.getState().fix).toBeNull();
    expect(runner.calls.previewFix).toEqual([]);
    expect(runner.calls.undo).toEqual([]);
  });

  it('a second open while the preview is prepared starts no second preview', async () => {
    const runner = new FakeRunner();
    const store = createPanelStore({ runner, report: reportFixture() });
    const first = store.dispatch({ type: 'open-fix', ruleIds: ['loss-reason-missing'] });
    const second = store.dispatch({ type: 'open-fix', ruleIds: ['loss-reason-missing'] });
    const third = store.dispatch({ type: 'open-fix-all-safe' });
    await Promise.all([first, second, third]);
    expect(runner.calls.previewFix).toEqual([['loss-reason-missing']]);
    expect(store.getState().fix?.status).toBe('preview');
    expect(store.getState().fix?.scope).toBe('rules');
  });

  it('a preview answer arriving after the dialog closed is dropped', async () => {
    const runner = new FakeRunner();
    const store = createPanelStore({ runner, report: reportFixture() });
    const opening = store.dispatch({ type: 'open-fix', ruleIds: ['loss-reason-missing'] });
    await store.dispatch({ type: 'close-fix' });
    await opening;
    expect(store.getState().fix).toBeNull();
  });

  it('a failing side action becomes an actionError, not a rejection', async () => {
    const runner = new FakeRunner();
    runner.downloadJournal = async () => {
      throw new Error('disk full');
    };
    const store = createPanelStore({ runner });
    await expect(store.dispatch({ type: 'download-journal' })).resolves.toBeUndefined();
    expect(store.getState().actionError).toBe('disk full');
    await store.dispatch({ type: 'dismiss-error' });
    expect(store.getState().actionError).toBeNull();
  });

  it.each([
    ['failing safe fixes only', defaultResults(), ['required-statuses-stale', 'required-at-entry-stage']],
    [
      'a passing result with a stale fix summary is skipped',
      [result('a', 'fields', 'pass', 'high', { fix: { kind: 'safe', ops: 1 } })],
      [],
    ],
    ['confirm fixes are never bulk', [result('b', 'fields', 'fail', 'high', { fix: { kind: 'confirm', ops: 1 } })], []],
  ])('safeFixRuleIds: %s', (_name, results, expected) => {
    expect(safeFixRuleIds(reportFixture({ results }))).toEqual(expected);
  });
});

describe('panel store: the runner’s steps bring their own report', () => {
  it('a refused apply shows the refusal and changes nothing; no audit is started by the store', async () => {
    const runner = new FakeRunner();
    runner.apply = async () => ({
      outcome: { status: 'refused', reason: 'busy', message: { key: 'fix.refused.busy' } },
      report: null,
    });
    const store = createPanelStore({ runner, report: reportFixture() });
    await store.dispatch({ type: 'open-fix', ruleIds: ['required-at-entry-stage'] });
    await store.dispatch({ type: 'confirm-fix' });
    expect(store.getState().fix?.status).toBe('error');
    expect(store.getState().fix?.refusal).toEqual({ key: 'fix.refused.busy' });
    expect(runner.calls.runAudit).toBe(0);
  });

  it('undo conflicts keep the fix entry they belong to and both values as text', async () => {
    const entry = {
      id: 'j7',
      batchId: 'b7',
      ruleId: 'required-at-entry-stage',
      title: { key: 'rules.required-at-entry-stage.fail' },
      appliedAt: '2025-03-01T10:05:00Z',
      by: null,
      undoneAt: null,
      ops: [{ summary: { key: 'fix.test.unrequire' }, status: 'applied' as const }],
    };
    const runner = new FakeRunner({
      journal: [entry],
      undoConflicts: [{ entryId: 'j7', summary: { key: 'fix.test.unrequire' }, expected: [1], actual: null }],
    });
    const after = reportFixture({ score: 33 });
    const store = createPanelStore({ runner, report: reportFixture() });
    await store.dispatch({ type: 'init' });
    runner.undo = (
      (inner) =>
      async (...args: Parameters<typeof inner>) => ({ ...(await inner(...args)), report: after })
    )(runner.undo.bind(runner));
    await store.dispatch({ type: 'undo', entryId: 'j7' });
    const undo = store.getState().undo!;
    expect(undo.ops.map((o) => [o.entryId, o.status])).toEqual([['j7', 'conflict']]);
    expect(undo.conflicts).toEqual([
      {
        entryId: 'j7',
        summary: { key: 'fix.test.unrequire' },
        reason: { key: 'fix.undo.conflict' },
        expected: '[1]',
        actual: '—',
        values: { expected: [1], actual: null },
      },
    ]);
    expect(store.getState().report).toBe(after);
    expect(runner.calls.runAudit).toBe(1);
  });
});

describe('panel store: results as they arrive, and the report kept from the last visit', () => {
  const fields = result('custom-fields-missing', 'fields', 'pass', 'medium');
  const data = result('duplicate-contacts', 'data', 'fail', 'medium');
  const provisional = (readyAreas: ('fields' | 'data')[], results: (typeof fields)[]) => ({
    report: reportFixture({ results }),
    pendingRules: readyAreas.includes('data') ? [] : ['duplicate-contacts'],
    pendingParts: readyAreas.includes('data') ? [] : (['contacts'] as const).slice(),
    readyAreas,
  });

  it('shows the kept report at once as stale, then provisional results over it, then the final report', async () => {
    const kept = reportFixture({ results: [{ ...fields, outcome: 'fail' }, data], score: 12 });
    const final = reportFixture({ results: [fields, data], score: 50 });
    const gate = deferred();
    const runner = new FakeRunner({
      lastReport: { report: kept, savedAt: '2025-02-28T09:00:00Z' },
      provisional: [provisional(['fields'], [fields])],
      reports: [final],
      auditGate: gate,
    });
    const store = createPanelStore({ runner });
    const seen: { stale: boolean; provisional: boolean; outcomes: string }[] = [];
    store.subscribe((s) =>
      seen.push({
        stale: s.stale !== null,
        provisional: s.provisional !== null,
        outcomes: s.report?.results.map((r) => `${r.ruleId}:${r.outcome}`).join(',') ?? '',
      }),
    );
    const init = store.dispatch({ type: 'init' });
    await new Promise((r) => setTimeout(r, 0));
    // Before anything fresh: the kept report, marked stale ("refreshing…").
    expect(seen.find((x) => x.outcomes)).toEqual({
      stale: true,
      provisional: false,
      outcomes: 'custom-fields-missing:fail,duplicate-contacts:fail',
    });
    // The fields area is in: its fresh result replaces the kept one; the data area still shows the kept one.
    const state = store.getState();
    expect(state.stale).toBeNull();
    expect(state.provisional).toMatchObject({ readyAreas: ['fields'], pendingParts: ['contacts'] });
    expect(state.provisional?.staleAreas).toContain('data');
    expect(state.report?.results.map((r) => `${r.ruleId}:${r.outcome}`)).toEqual([
      'custom-fields-missing:pass',
      'duplicate-contacts:fail',
    ]);
    gate.resolve();
    await init;
    expect(store.getState().report).toBe(final);
    expect(store.getState().provisional).toBeNull();
  });

  it('Cancel keeps what is known: the provisional report stays, marked provisional', async () => {
    const gate = deferred();
    const runner = new FakeRunner({ provisional: [provisional(['fields'], [fields])], auditGate: gate });
    const store = createPanelStore({ runner });
    const running = store.dispatch({ type: 'run-audit' });
    await new Promise((r) => setTimeout(r, 0));
    await store.dispatch({ type: 'cancel-audit' });
    await running;
    const s = store.getState();
    expect(s.audit.status).toBe('cancelled');
    expect(s.report?.results.map((r) => r.ruleId)).toEqual(['custom-fields-missing']);
    expect(s.provisional?.readyAreas).toEqual(['fields']);
  });

  it('a report handed to the store wins over the kept one', async () => {
    const given = reportFixture({ score: 77 });
    const runner = new FakeRunner({ lastReport: { report: reportFixture({ score: 1 }), savedAt: 'x' } });
    const store = createPanelStore({ runner, report: given, autoRun: false });
    await store.dispatch({ type: 'init' });
    expect(store.getState().report).toBe(given);
    expect(store.getState().stale).toBeNull();
  });
});

describe('panel store: the language switch', () => {
  it('re-localises the report on screen from its keys, without an audit', async () => {
    const { localizeReport } = await import('../../src/audit/localize');
    const { createTranslator } = await import('../../src/i18n/translate');
    const ru = (await import('../../i18n/ru.json')).default;
    const runner = new FakeRunner();
    const store = createPanelStore({ runner, report: reportFixture() });
    const tRu = createTranslator(ru as never, 'ru');
    await store.dispatch({ type: 'relocalize', t: tRu, lang: 'ru' });
    const report = store.getState().report!;
    expect(report.lang).toBe('ru');
    expect(report.results[0]!.title).toBe(tRu('rules.duplicate-field-names.fail'));
    expect(report).toEqual(localizeReport(reportFixture(), tRu, 'ru'));
    expect(runner.calls.runAudit).toBe(0);
  });
});
