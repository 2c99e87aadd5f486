import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator';
import { memoryIo } from '../support/cli-io';
import { NOW, touchedState } from './harness';

/** An in-process CLI over an emulated account, with files in a map. */
function cli(opts: { tty?: boolean; answer?: boolean } = {}) {
  const emulator = createEmulator({ seed: 'messy', now: () => NOW, rate: 1000, quiet: true });
  const { text, put, run } = memoryIo({ ...opts, fetch: emulator.fetch });
  return { emulator, files: { get: text, set: put }, run };
}

const URL = ['--base-url', 'https://emulator.test'];

describe('setup-audit fix / undo', () => {
  it('--all-safe --yes applies the safe fixes, prints per-op results and the new score, and undo restores the account', async () => {
    const c = cli();
    const original = touchedState(c.emulator);
    const fixed = await c.run('fix', ...URL, '--all-safe', '--yes', '--journal', 'j.json');
    expect(fixed.err).toBe('');
    expect(fixed.code).toBe(0);
    expect(fixed.out).toContain('[safe] unsorted-off');
    expect(fixed.out).toContain('✓ Pipeline «Продажи»: incoming leads (unsorted) off → on — applied');
    expect(fixed.out).toMatch(/Score after re-audit: \d+/);
    expect(fixed.out).toMatch(/Journal: j\.json \(batch [\w-]+\)/);
    expect(c.emulator.store.pipelines[0]!.is_unsorted_on).toBe(true);
    expect(JSON.parse(c.files.get('j.json')!).entries[0].by).toMatch(/<.+@.+>/);
    expect(JSON.parse(c.files.get('j.json')!).entries.map((e: { ruleId: string }) => e.ruleId)).toEqual([
      'lead-source-field-missing',
      'required-at-entry-stage',
      'required-statuses-stale',
      'unsorted-off',
    ]);

    const undone = await c.run('undo', ...URL, '--journal', 'j.json');
    expect(undone.code).toBe(0);
    expect(undone.out).toContain('Undone');
    expect(undone.out).toContain('✓ Pipeline «Продажи»: incoming leads (unsorted) off → on — reverted');
    const again = await c.run('undo', ...URL, '--journal', 'j.json');
    expect(again).toMatchObject({ code: 0, out: expect.stringContaining('already been undone') });
    const state = JSON.parse(touchedState(c.emulator));
    const orig = JSON.parse(original);
    // Everything but the stale required_statuses entry (which the API cannot store again) is back.
    expect(state.pipelines).toEqual(orig.pipelines);
    expect(state.fields.leads.map((f: { id: number }) => f.id)).toEqual(
      orig.fields.leads.map((f: { id: number }) => f.id),
    );
  });

  it('a non-terminal without --yes only previews; --dry-run never writes', async () => {
    const c = cli();
    const before = touchedState(c.emulator);
    const preview = await c.run('fix', ...URL, '--rule', 'default-stage-names');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('[confirm] default-stage-names');
    expect(preview.out).toContain('Preview only');
    const dry = await c.run('fix', ...URL, '--rule', 'unsorted-off', '--dry-run', '--yes');
    expect(dry.out).toContain('Dry run');
    expect(touchedState(c.emulator)).toBe(before);
  });

  it('on a terminal it asks, and a no changes nothing', async () => {
    const c = cli({ tty: true, answer: false });
    const before = touchedState(c.emulator);
    const r = await c.run('fix', ...URL, '--rule', 'unsorted-off');
    expect(r.out).toContain('Cancelled');
    expect(touchedState(c.emulator)).toBe(before);
  });

  it("a run holding the journal's lock (another terminal) makes a second run wait its turn; an expired lock does not", async () => {
    const c = cli();
    c.files.set('j.json.lock', JSON.stringify({ owner: 'other-process', expiresAt: Date.now() + 60_000 }));
    const busy = await c.run('fix', ...URL, '--rule', 'unsorted-off', '--yes', '--journal', 'j.json');
    expect(busy.code).not.toBe(0);
    expect(busy.out + busy.err).toContain('Another fix is being applied');
    expect(busy.out + busy.err).toContain('j.json.lock');
    expect(c.emulator.store.pipelines[0]!.is_unsorted_on).toBe(false);
    c.files.set('j.json.lock', JSON.stringify({ owner: 'other-process', expiresAt: Date.now() - 1 }));
    const fixed = await c.run('fix', ...URL, '--rule', 'unsorted-off', '--yes', '--journal', 'j.json');
    expect(fixed.code).toBe(0);
    expect(c.emulator.store.pipelines[0]!.is_unsorted_on).toBe(true);
    expect(c.files.get('j.json.lock')).toBe('');
  });

  it('a lock file dated in the year 5138 is no live run’s: it is taken over, and the fix runs', async () => {
    const c = cli();
    c.files.set(
      'j.json.lock',
      JSON.stringify({ owner: 'other-process', expiresAt: Date.parse('5138-06-01T00:00:00Z') }),
    );
    const fixed = await c.run('fix', ...URL, '--rule', 'unsorted-off', '--yes', '--journal', 'j.json');
    expect(fixed.code).toBe(0);
    expect(c.emulator.store.pipelines[0]!.is_unsorted_on).toBe(true);
    expect(c.files.get('j.json.lock')).toBe('');
  });

  it('usage errors: no rule, an unfixable rule, undo without a journal', async () => {
    const c = cli();
    expect((await c.run('fix', ...URL)).code).toBe(2);
    expect((await c.run('fix', ...URL, '--rule', 'excess-admins')).code).toBe(2);
    expect((await c.run('undo', ...URL)).code).toBe(2);
  });
});
