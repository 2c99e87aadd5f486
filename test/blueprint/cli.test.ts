import { describe, expect, it } from 'vitest';
import { memoryIo } from '../support/cli-io';
import { createEmulator } from '../../src/emulator';
import { touchedState } from '../fix/harness';
import { FIXED_NOW } from '../support/emulated';

/** Two emulated accounts behind one fetch (by host), files in a map, output captured. */
function cli() {
  const accounts = {
    'clean.test': createEmulator({ seed: 'clean', now: () => FIXED_NOW, rate: 1000, quiet: true }),
    'fresh.test': createEmulator({ seed: 'fresh', now: () => FIXED_NOW, rate: 1000, quiet: true }),
  };
  const files = new Map<string, Uint8Array>();
  const fetcher: typeof fetch = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return accounts[url.host as keyof typeof accounts].fetch(input, init);
  };
  const { run } = memoryIo({ fetch: fetcher, files });
  return { accounts, files, run };
}

const CLEAN = ['--base-url', 'https://clean.test'];
const FRESH = ['--base-url', 'https://fresh.test'];

describe('setup-audit capture / plan / apply / undo', () => {
  it.each(['doc.json'])(
    'captures clean as %s, applies it to fresh, plans nothing after, and undo brings fresh back',
    async (file) => {
      const c = cli();
      const captured = await c.run('capture', ...CLEAN, '--out', file);
      expect(captured.code, captured.err).toBe(0);
      expect(c.files.get(file)?.length).toBeGreaterThan(100);
      const original = touchedState(c.accounts['fresh.test']);

      const planned = await c.run('plan', ...FRESH, '--blueprint', file, '--format', 'json');
      expect(planned.code, planned.err).toBe(0);
      const plan = JSON.parse(planned.out) as {
        ops: { section: string; method: string; summary: string }[];
        manual: { text: string }[];
      };
      // Pipelines come first, so every new field carries its required stages in its POST: no matrix op.
      expect([...new Set(plan.ops.map((o) => o.section))]).toEqual(['pipelines', 'fields', 'loss-reasons', 'roles']);
      expect(
        plan.ops.some(
          (o) => o.method === 'POST' && o.summary.includes('«Продажи»') === false && o.summary.includes('Источник'),
        ),
      ).toBe(true);
      expect(plan.manual.map((m) => m.text)).toContain(
        'Pipeline «Продажи»: rename «Успешно реализовано» to «Успех» by hand (Leads → pipeline settings; the API does not edit system stages)',
      );

      const preview = await c.run('apply', ...FRESH, '--blueprint', file);
      expect(preview.out).toContain('Fields: 4 changes');
      expect(touchedState(c.accounts['fresh.test'])).toBe(original);

      const applied = await c.run('apply', ...FRESH, '--blueprint', file, '--yes', '--journal', 'j.json');
      expect(applied.code, applied.out + applied.err).toBe(0);
      expect(applied.out).toMatch(/not attempted: 0/);
      // No audit ran first: the orchestrator read who acts itself, and the journal names that user and account.
      const journal = JSON.parse(new TextDecoder().decode(c.files.get('j.json'))) as {
        entries: { by: string | null; account: { subdomain: string } | null; batchId: string }[];
      };
      const admin = c.accounts['fresh.test'].store.users.find((u) => u.rights.is_admin)!;
      expect(new Set(journal.entries.map((e) => e.by))).toEqual(new Set([`${admin.name} <${admin.email}>`]));
      expect(new Set(journal.entries.map((e) => e.account?.subdomain))).toEqual(
        new Set([c.accounts['fresh.test'].store.account.subdomain]),
      );
      expect(new Set(journal.entries.map((e) => e.batchId)).size).toBe(1);

      const again = await c.run('plan', ...FRESH, '--blueprint', file, '--format', 'json');
      expect((JSON.parse(again.out) as { ops: unknown[] }).ops).toEqual([]);

      const undone = await c.run('undo', ...FRESH, '--journal', 'j.json');
      expect(undone.code, undone.out + undone.err).toBe(0);
      expect(touchedState(c.accounts['fresh.test'])).toBe(original);
    },
  );

  it('the XLSX capture plans exactly what the JSON capture plans', async () => {
    const c = cli();
    expect((await c.run('capture', ...CLEAN, '--out', 'doc.json')).code).toBe(0);
    expect((await c.run('capture', ...CLEAN, '--out', 'doc.xlsx')).code).toBe(0);
    const fromJson = JSON.parse((await c.run('plan', ...FRESH, '--blueprint', 'doc.json', '--format', 'json')).out);
    const fromXlsx = await c.run('plan', ...FRESH, '--blueprint', 'doc.xlsx', '--format', 'json');
    expect(fromXlsx.code, fromXlsx.err).toBe(0);
    expect(JSON.parse(fromXlsx.out)).toEqual(fromJson);
  });

  it('refuses a broken document with where and what, and changes nothing', async () => {
    const c = cli();
    c.files.set(
      'bad.json',
      new TextEncoder().encode('{"schemaVersion":1,"fields":[{"entity":"deals","name":"X","type":"text"}]}'),
    );
    const r = await c.run('apply', ...FRESH, '--blueprint', 'bad.json', '--yes');
    expect(r.code).toBe(2);
    expect(r.err).toContain('fields[0].entity: unknown entity «deals»');
  });
});
