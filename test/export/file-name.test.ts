import { describe, expect, it } from 'vitest';
import { documentFileName } from '../../src/export/file-name';
import { createPanelRunner } from '../../src/runner/panel-runner';
import { emulated } from '../support/emulated';
import { panelRunnerDeps } from '../support/panel-runner';

// Local noon, so the date is the same in every time zone the tests may run in.
const DAY = new Date(2026, 11, 1, 12, 0, 0);

describe('document file names say what and when', () => {
  it.each([
    ['tehnostroy', 'xlsx', undefined, 'setup-audit-tehnostroy-2026-12-01.xlsx'],
    ['tehnostroy', 'json', 'journal', 'setup-audit-tehnostroy-journal-2026-12-01.json'],
    ['TehnoStroy', 'json', 'report', 'setup-audit-tehnostroy-report-2026-12-01.json'],
    ['../../etc/passwd', 'xlsx', undefined, 'setup-audit-etc-passwd-2026-12-01.xlsx'],
    ['', 'xlsx', undefined, 'setup-audit-account-2026-12-01.xlsx'],
    [null, 'csv', undefined, 'setup-audit-account-2026-12-01.csv'],
  ] as const)('%j %s %s → %s', (subdomain, ext, kind, name) => {
    expect(documentFileName(subdomain, DAY, ext, kind)).toBe(name);
  });

  it('the panel downloads the configuration document and the report under the account’s subdomain and the day', async () => {
    const { client } = emulated('messy');
    const downloads: string[] = [];
    const runner = createPanelRunner(
      panelRunnerDeps(client, {
        accountKey: '30000001',
        now: () => DAY,
        storage: { getItem: () => null, setItem: () => {}, removeItem: () => {} },
        download: (name) => downloads.push(name),
      }),
    );
    await runner.audit({ signal: new AbortController().signal, onProgress: () => {} });
    await runner.downloadDocument!();
    await runner.downloadReport!();
    expect(downloads).toEqual([
      'setup-audit-tehnostroy-2026-12-01.xlsx',
      'setup-audit-tehnostroy-report-2026-12-01.json',
    ]);
  });
});
