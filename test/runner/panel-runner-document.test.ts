import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createPanelRunner } from '../../src/runner/panel-runner';
import { emulated } from '../support/emulated';
import { panelRunnerDeps } from '../support/panel-runner';

// The document of the audit on screen: after an audit only the field groups are read in addition.
describe('createPanelRunner: configuration document', () => {
  it('reuses the last audit and asks only for the field groups', async () => {
    const { client, requests } = emulated('messy');
    const downloads: { name: string; data: Uint8Array | string }[] = [];
    const runner = createPanelRunner(
      panelRunnerDeps(client, { download: (name, data) => downloads.push({ name, data }) }),
    );
    const report = await runner.audit({ signal: new AbortController().signal, onProgress: () => {} });
    requests.length = 0;
    await runner.downloadDocument!();
    expect(requests.map((r) => r.replace(/^GET /, '')).sort()).toEqual([
      '/api/v4/companies/custom_fields/groups',
      '/api/v4/contacts/custom_fields/groups',
      '/api/v4/leads/custom_fields/groups',
    ]);
    const zip = await JSZip.loadAsync(downloads[0]!.data as Uint8Array);
    const shared = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => f.startsWith('xl/worksheets/'))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(shared + sheets.join('')).toContain(String(report.score));
  });
});
