import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { ApiClient } from '../../src/api/client';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { dictionaryFor } from '../../src/cli/dict';
import { createPanelRunner } from '../../src/runner/panel-runner';
import { localDocumentEngine } from '../../src/runner/document-engine-local';
import { emulated, FIXED_NOW } from '../support/emulated';

// The document of the audit on screen: after an audit only the field groups are read in addition.
describe('createPanelRunner: configuration document', () => {
  it('reuses the last audit and asks only for the field groups', async () => {
    const { emulator } = emulated('messy');
    const urls: string[] = [];
    const client = new ApiClient({
      baseUrl: 'https://emulator.test',
      token: 'dev-token',
      rps: 1000,
      fetch: (input, init) => {
        urls.push(new URL(String(input)).pathname);
        return emulator.fetch(input, init);
      },
    });
    const store = new Map<string, string>();
    const downloads: { name: string; data: Uint8Array | string }[] = [];
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
      download: (name, data) => downloads.push({ name, data }),
      documents: async () => localDocumentEngine,
    });
    const report = await runner.audit({ signal: new AbortController().signal, onProgress: () => {} });
    urls.length = 0;
    await runner.downloadDocument!();
    expect(urls.sort()).toEqual([
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
