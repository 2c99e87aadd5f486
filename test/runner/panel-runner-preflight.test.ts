import { describe, expect, it } from 'vitest';
import { createPanelRunner } from '../../src/runner/panel-runner';
import type { PreflightProgressView } from '../../src/ui/runner-port';
import { emulated } from '../support/emulated';
import { panelRunnerDeps } from '../support/panel-runner';

/** A panel runner over an emulated account; downloads are captured instead of saved. */
function runnerFor(seed: string, opts: { userId?: number; isAdmin?: boolean } = {}) {
  const { client, emulator } = emulated(seed, opts);
  const downloads: { name: string; data: Uint8Array | string; mime: string }[] = [];
  const runner = createPanelRunner(
    panelRunnerDeps(client, {
      isAdmin: opts.isAdmin ?? true,
      download: (name, data, mime) => downloads.push({ name, data, mime }),
    }),
  );
  return { runner, downloads, emulator };
}

// "Должнсть" is one letter off the clean seed's contact field "Должность"; nobody in the account is called "Пётр Неизвестный".
const CSV = [
  'Полное имя;Должнсть;Ответственный;Email',
  'Иван Петров;Менеджер;Елена Морозова;ivan.petrov@preflight.test',
  'Пётр Сидоров;Директор;Пётр Неизвестный;petr.sidorov@preflight.test',
].join('\n');
const file = { name: 'contacts.csv', bytes: new TextEncoder().encode(CSV) };

describe('createPanelRunner: import check against the emulator', () => {
  it('finds a misspelt header and an unknown owner, reporting progress by stage', async () => {
    const { runner } = runnerFor('clean');
    const stages: PreflightProgressView['stage'][] = [];
    const result = await runner.preflight(file, 'contacts', {
      signal: new AbortController().signal,
      onProgress: (p) => {
        if (stages.at(-1) !== p.stage) stages.push(p.stage);
      },
    });
    expect(result.fatal).toBeNull();
    expect(result.summary.rows).toBe(2);
    expect(result.problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['header-near-miss', null, 'Должнсть'],
      ['owner-unknown', 3, 'Ответственный'],
    ]);
    expect(result.problems[0]!.suggestion).toBe('Должность');
    expect(result.summary.byCode.map((c) => c.code).sort()).toEqual(['header-near-miss', 'owner-unknown']);
    expect(result.exitCode).toBe(1);
    expect(stages).toEqual(['schema', 'contacts', 'read', 'check']);
  });

  it('the CSV report carries the translated problems; the template is an XLSX named after the entity', async () => {
    const { runner, downloads } = runnerFor('clean');
    const result = await runner.preflight(file, 'contacts', {
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    await runner.downloadPreflightReport(result);
    await runner.downloadTemplate('leads');
    expect(downloads.map((d) => [d.name, d.mime.split(';')[0]])).toEqual([
      ['setup-audit-check-contacts.csv', 'text/csv'],
      ['setup-audit-import-leads.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    const csv = downloads[0]!.data as string;
    expect(csv.startsWith('\uFEFFRow;Column;Severity;Problem;Suggestion')).toBe(true);
    expect(csv).toContain('“Пётр Неизвестный”: no such user in the account.');
    const xlsx = downloads[1]!.data as Uint8Array;
    expect([...xlsx.slice(0, 2)]).toEqual([0x50, 0x4b]); // a ZIP container
  });

  it('an aborted check rejects with the abort', async () => {
    const { runner } = runnerFor('clean');
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(
      runner.preflight(file, 'contacts', { signal: ctrl.signal, onProgress: () => {} }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a non-admin can run it too (it only reads)', async () => {
    const probe = emulated('clean').emulator;
    const { runner } = runnerFor('clean', { userId: probe.managerId!, isAdmin: false });
    const result = await runner.preflight(file, 'contacts', {
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(result.fatal).toBeNull();
    expect(result.problems.map((p) => p.code)).toContain('header-near-miss');
  });
});
