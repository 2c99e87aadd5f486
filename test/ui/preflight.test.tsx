// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import type { PreflightResult, Problem } from '../../src/preflight/types';
import { cleanPreflight, deferred } from './fake-runner';
import type { FakeOptions } from './fake-runner';
import { mountWithFake, one } from './harness';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

/** Mounts the panel (no audit) and opens the import check section. */
async function setup(opts: FakeOptions = {}, deps: Parameters<typeof mountWithFake>[1] = {}) {
  const h = mountWithFake(opts, { autoRun: false, ...deps });
  cleanup = h.unmount;
  const section = one(h.el, '[data-section="preflight"]');
  expect(section.querySelector('select')).toBeNull(); // collapsed until opened
  fireEvent.click(one(section, '[data-action="toggle-preflight"]'));
  await waitFor(() => one(section, 'select'));
  return { ...h, section };
}

/** Picks a file the way a browser does: the FileList changes, then `input` fires (before `change`). */
function pick(section: HTMLElement, name: string, text: string) {
  const input = one<HTMLInputElement>(section, 'input[type="file"]');
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], name)] });
  fireEvent.input(input);
}

function chooseEntity(section: HTMLElement, entity: string) {
  const select = one<HTMLSelectElement>(section, 'select');
  select.value = entity;
  fireEvent.input(select);
}

const ownerUnknown = (row: number): Problem => ({
  code: 'owner-unknown',
  severity: 'error',
  row,
  column: 'Responsible',
  suggestion: 'Anna Admin',
  message: { key: 'preflight.problem.owner-unknown', params: { value: `Nobody ${row}` } },
});

function withProblems(count: number): FakeOptions['preflight'] {
  return (file, entity): PreflightResult => {
    const nearMiss: Problem = {
      code: 'header-near-miss',
      severity: 'warning',
      row: null,
      column: 'Bugdet',
      suggestion: 'Budget',
      message: { key: 'preflight.problem.header-near-miss', params: { column: 'Bugdet', suggestion: 'Budget' } },
    };
    const owners = Array.from({ length: count - 1 }, (_, i) => ownerUnknown(i + 2));
    return {
      ...cleanPreflight(file, entity, count + 5),
      problems: [nearMiss, ...owners],
      exitCode: 1,
      summary: {
        rows: count + 5,
        errors: count - 1,
        warnings: 1,
        byCode: [
          { code: 'owner-unknown', severity: 'error', count: count - 1 },
          { code: 'header-near-miss', severity: 'warning', count: 1 },
        ],
      },
    };
  };
}

describe('import check', () => {
  it('when the view of the result cannot be loaded, its place says why and the section keeps working', async () => {
    const { section, runner } = await setup(
      { preflight: withProblems(3) },
      { documentViews: () => Promise.reject(new Error('documents.js: Script error')) },
    );
    pick(section, 'deals.csv', 'Name;Bugdet\nA;1\n');
    const run = one<HTMLButtonElement>(section, '[data-action="preflight-run"]');
    await waitFor(() => expect(run.disabled).toBe(false));
    fireEvent.click(run);
    const unavailable = await waitFor(() => one(section, '[data-role="view-unavailable"]'));
    expect(unavailable.textContent).toBe('This part of the page could not be loaded: documents.js: Script error');
    expect(section.querySelector('[data-role="preflight-summary"]')).toBeNull();
    // The section itself still works: the template still downloads, the check can run again.
    fireEvent.click(one(section, '[data-action="download-template"]'));
    await waitFor(() => expect(runner.calls.downloadTemplate).toEqual(['contacts']));
    await waitFor(() => expect(run.disabled).toBe(false));
    fireEvent.click(run);
    await waitFor(() => expect(runner.calls.preflight).toHaveLength(2));
  });

  it('checks the chosen file as the chosen entity and shows the summary, counts by problem and rows', async () => {
    const { section, runner } = await setup({ preflight: withProblems(3) });
    const run = one<HTMLButtonElement>(section, '[data-action="preflight-run"]');
    expect(run.disabled).toBe(true); // nothing chosen yet
    expect(one(section, 'label[for="sa-pf-entity"]').textContent).toBe('What the file imports');
    expect(one(section, 'label[for="sa-pf-file"]').textContent).toBe('File (.xlsx or .csv)');
    expect(one<HTMLInputElement>(section, '#sa-pf-file').accept).toBe('.xlsx,.csv');
    chooseEntity(section, 'leads');
    pick(section, 'deals.csv', 'Name;Bugdet\nA;1\n');
    await waitFor(() => expect(run.disabled).toBe(false));
    fireEvent.click(run);
    const summary = await waitFor(() => one(section, '[data-role="preflight-summary"]'));
    expect(runner.calls.preflight).toEqual([{ name: 'deals.csv', text: 'Name;Bugdet\nA;1\n', entity: 'leads' }]);
    expect(summary.textContent).toBe('deals.csv: 8 data rows · 2 errors · 1 warning');
    expect(one(section, '[data-code="owner-unknown"]').textContent).toBe('Error Unknown owner: 2');
    expect(one(section, '[data-code="header-near-miss"]').textContent).toBe('Warning Header nearly matches a field: 1');
    const rows = [...section.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      [
        '—',
        'Bugdet',
        'Warning Column “Bugdet” does not match a field name, so the import will not recognise it. Probably “Budget” was meant.',
        'Budget',
      ],
      ['2', 'Responsible', 'Error “Nobody 2”: no such user in the account.', 'Anna Admin'],
      ['3', 'Responsible', 'Error “Nobody 3”: no such user in the account.', 'Anna Admin'],
    ]);
    fireEvent.click(one(section, '[data-action="download-preflight"]'));
    await waitFor(() => expect(runner.calls.downloadPreflightReport).toHaveLength(1));
    expect(runner.calls.downloadPreflightReport[0]!.fileName).toBe('deals.csv');
  });

  it('a clean file says it is ready to import', async () => {
    const { section } = await setup();
    pick(section, 'ok.csv', 'Name\nA\n');
    fireEvent.click(one(section, '[data-action="preflight-run"]'));
    await waitFor(() => expect(section.textContent).toContain('The file is ready to import'));
    expect(section.querySelector('table')).toBeNull();
  });

  it('a bad file shows one alert and no summary or table', async () => {
    const { section } = await setup({
      preflight: (file, entity) => {
        const fatal: Problem = {
          code: 'file-legacy-xls',
          severity: 'error',
          row: null,
          column: null,
          message: { key: 'preflight.problem.file-legacy-xls', params: { file: file.name } },
        };
        return {
          ...cleanPreflight(file, entity, 0),
          fatal,
          problems: [fatal],
          exitCode: 1,
          summary: {
            rows: 0,
            errors: 1,
            warnings: 0,
            byCode: [{ code: 'file-legacy-xls', severity: 'error', count: 1 }],
          },
        };
      },
    });
    pick(section, 'old.xls', 'whatever');
    fireEvent.click(one(section, '[data-action="preflight-run"]'));
    const alert = await waitFor(() => one(section, '[data-role="preflight-fatal"]'));
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('“old.xls” is in the old Excel format (.xls). Save it as .xlsx or .csv.');
    expect(section.querySelectorAll('[role="alert"]')).toHaveLength(1);
    expect(section.querySelector('[data-role="preflight-summary"]')).toBeNull();
    expect(section.querySelector('table')).toBeNull();
  });

  it('shows progress by stage and cancels by aborting the signal', async () => {
    const gate = deferred();
    const { section, runner } = await setup({
      preflightGate: gate,
      preflightProgress: [
        { stage: 'schema', done: 1, total: 3 },
        { stage: 'check', done: 1000, total: 4000 },
      ],
    });
    pick(section, 'big.csv', 'Name\nA\n');
    fireEvent.click(one(section, '[data-action="preflight-run"]'));
    await waitFor(() => expect(section.textContent).toContain('Checking rows: 1000 of 4000'));
    expect(one<HTMLButtonElement>(section, '[data-action="preflight-run"]').disabled).toBe(true);
    fireEvent.click(one(section, '[data-action="preflight-cancel"]'));
    await waitFor(() => expect(section.textContent).toContain('The check was cancelled.'));
    expect(runner.preflightSignal?.aborted).toBe(true);
    gate.resolve();
    await new Promise((r) => setTimeout(r, 10));
    // The late answer of the cancelled check is dropped.
    expect(section.querySelector('[data-role="preflight-summary"]')).toBeNull();
    expect(section.querySelector('[data-action="preflight-cancel"]')).toBeNull();
  });

  it('the template downloads for the chosen entity before any file is chosen', async () => {
    const { section, runner } = await setup();
    chooseEntity(section, 'companies');
    fireEvent.click(one(section, '[data-action="download-template"]'));
    await waitFor(() => expect(runner.calls.downloadTemplate).toEqual(['companies']));
  });

  it('lists the first 50 problems, then all of them on "show all"', async () => {
    const { section } = await setup({ preflight: withProblems(120) });
    pick(section, 'many.csv', 'Name\nA\n');
    fireEvent.click(one(section, '[data-action="preflight-run"]'));
    await waitFor(() => expect(section.querySelectorAll('tbody tr')).toHaveLength(50));
    const more = one(section, '[data-action="show-all"]');
    expect(more.textContent).toBe('Show all 120');
    fireEvent.click(more);
    await waitFor(() => expect(section.querySelectorAll('tbody tr')).toHaveLength(120));
    expect(section.querySelector('[data-action="show-all"]')).toBeNull();
  });

  it('non-admins get the import check too', async () => {
    const { section, runner } = await setup({ canFix: false });
    pick(section, 'ok.csv', 'Name\nA\n');
    fireEvent.click(one(section, '[data-action="preflight-run"]'));
    await waitFor(() => expect(runner.calls.preflight).toHaveLength(1));
  });
});
