/**
 * Issue 12 items 1 and 3: undo only undoes what the fix did (an edited journal is refused, or can only
 * address this account's own objects under /api/v4/), and the journal is written before every write (a
 * storage that throws stops the fix before the API is touched; no temp file is left behind).
 */
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type JournalEntry, type JournalStorage, Journal, entryChecksum } from '../../src/fix/journal';
import { undoFixes } from '../../src/fix/undo';
import { fileJournalStorage } from '../../src/fix/journal-file';
import { account, touchedState } from '../fix/harness';

type Sent = { method: string; url: string };

/** An account whose every request is recorded. */
async function recorded(opts: { storage?: JournalStorage } = {}) {
  const sent: Sent[] = [];
  const acc = await account({
    wrapFetch: (inner) =>
      (async (url: string, init?: RequestInit) => {
        sent.push({ method: init?.method ?? 'GET', url: String(url) });
        return inner(url, init);
      }) as typeof fetch,
  });
  const journal = opts.storage ? new Journal(opts.storage, { newId: newIds() }) : acc.journal;
  const writes = () => sent.filter((s) => s.method !== 'GET');
  return { ...acc, journal, sent, writes };
}

function newIds() {
  let n = 0;
  return () => `j-${++n}`;
}

/** Edits the stored journal as a person with the file would; `reseal` also recomputes the checksum. */
function edit(acc: Awaited<ReturnType<typeof recorded>>, change: (e: JournalEntry) => void, reseal: boolean): Journal {
  const entries = acc.storage.entries;
  const entry = entries.find((e) => e.kind === 'fix')!;
  change(entry);
  if (reseal) entry.checksum = entryChecksum(entry);
  return new Journal(acc.storage);
}

const ATTACKER = '.attacker.example/steal';

describe('a journal edited by hand', () => {
  it.each([
    [
      'the path points off the account',
      (e: JournalEntry) => {
        e.ops[0]!.op.path = ATTACKER;
      },
    ],
    [
      'the target names another field',
      (e: JournalEntry) => {
        e.ops[0]!.target = { ...e.ops[0]!.target, id: 1080001 } as never;
      },
    ],
    [
      'the created id is another field',
      (e: JournalEntry) => {
        e.ops[0]!.createdId = 1080001;
      },
    ],
    [
      'the account is another one',
      (e: JournalEntry) => {
        e.account = { id: 1, subdomain: 'other' };
      },
    ],
  ])('%s, checksum not renewed: refused, nothing sent', async (_name, change) => {
    const acc = await recorded();
    const fixed = await acc.apply(['lead-source-field-missing']);
    if (fixed.status === 'refused') throw new Error('refused');
    const state = touchedState(acc.emulator);
    const journal = edit(acc, change, false);
    acc.sent.length = 0;
    const undone = await undoFixes({
      client: acc.client,
      journal,
      lock: acc.lock,
      isAdmin: true,
      batchId: fixed.batchId,
    });
    expect(undone).toMatchObject({ status: 'refused', reason: 'tampered', message: { key: 'fix.refused.tampered' } });
    expect(acc.sent).toEqual([]);
    expect(touchedState(acc.emulator)).toBe(state);
  });

  it('a path like .attacker.example/steal with a renewed checksum: never sent — undo addresses the journaled target on the account', async () => {
    const acc = await recorded();
    const original = touchedState(acc.emulator);
    const fixed = await acc.apply(['unsorted-off']);
    if (fixed.status === 'refused') throw new Error('refused');
    const journal = edit(
      acc,
      (e) => {
        e.ops[0]!.op.path = ATTACKER;
      },
      true,
    );
    acc.sent.length = 0;
    const undone = await undoFixes({
      client: acc.client,
      journal,
      lock: acc.lock,
      isAdmin: true,
      batchId: fixed.batchId,
    });
    if (undone.status === 'refused') throw new Error(undone.reason);
    expect(undone.status).toBe('undone');
    expect(acc.sent.some((s) => s.url.includes('attacker'))).toBe(false);
    expect(acc.sent.every((s) => new URL(s.url).origin === 'https://emulator.test')).toBe(true);
    expect(acc.writes().map((s) => `${s.method} ${new URL(s.url).pathname}`)).toEqual([
      'PATCH /api/v4/leads/pipelines/7300001',
    ]);
    expect(touchedState(acc.emulator)).toBe(original);
  });

  it('a created id moved onto another field (checksum renewed): that field does not hold what the fix wrote — conflict, nothing deleted', async () => {
    const acc = await recorded();
    const fixed = await acc.apply(['lead-source-field-missing']);
    if (fixed.status === 'refused') throw new Error('refused');
    const victim = acc.emulator.store.fields.leads.find((f) => !f.is_predefined && f.name !== 'Source')!;
    const journal = edit(
      acc,
      (e) => {
        e.ops[0]!.createdId = victim.id;
        e.ops[0]!.target = { ...e.ops[0]!.target, id: victim.id } as never;
      },
      true,
    );
    acc.sent.length = 0;
    const undone = await undoFixes({
      client: acc.client,
      journal,
      lock: acc.lock,
      isAdmin: true,
      batchId: fixed.batchId,
    });
    if (undone.status === 'refused') throw new Error(undone.reason);
    expect(undone.conflicts.map((c) => c.reason?.key)).toEqual(['fix.undo.conflict']);
    expect(acc.writes()).toEqual([]);
    expect(acc.emulator.store.fields.leads.some((f) => f.id === victim.id)).toBe(true);
  });

  it.each([
    [
      'a restore body with keys no fix writes',
      (e: JournalEntry) => {
        // is_archive is not writable (reference §7.2): no whole pipeline body carries it.
        e.ops[0]!.restore = { is_archive: true } as never;
      },
    ],
    [
      'a target of an unknown kind',
      (e: JournalEntry) => {
        e.ops[0]!.target = { kind: 'user', id: 1 } as never;
      },
    ],
    [
      'an op method no fix uses',
      (e: JournalEntry) => {
        e.ops[0]!.op.method = 'DELETE';
      },
    ],
  ])('%s (checksum renewed): refused, nothing sent', async (_name, change) => {
    const acc = await recorded();
    const fixed = await acc.apply(['unsorted-off']);
    if (fixed.status === 'refused') throw new Error('refused');
    const journal = edit(acc, change, true);
    acc.sent.length = 0;
    const undone = await undoFixes({
      client: acc.client,
      journal,
      lock: acc.lock,
      isAdmin: true,
      batchId: fixed.batchId,
    });
    expect(undone).toMatchObject({ status: 'refused', reason: 'tampered' });
    expect(acc.sent).toEqual([]);
  });

  it('an entry of another account (checksum renewed): refused once the account answers, nothing written', async () => {
    const acc = await recorded();
    const fixed = await acc.apply(['unsorted-off']);
    if (fixed.status === 'refused') throw new Error('refused');
    const journal = edit(
      acc,
      (e) => {
        e.account = { id: 1, subdomain: 'other' };
      },
      true,
    );
    acc.sent.length = 0;
    const undone = await undoFixes({
      client: acc.client,
      journal,
      lock: acc.lock,
      isAdmin: true,
      batchId: fixed.batchId,
    });
    expect(undone).toMatchObject({
      status: 'refused',
      reason: 'other-account',
      message: { params: { account: 'other' } },
    });
    expect(acc.writes()).toEqual([]);
  });
});

/** A storage that refuses saves as a full disk does, from the `failFrom`-th save on, until `heal()`. */
function fullDisk(failFrom: number) {
  let saves = 0;
  let healed = false;
  let stored: JournalEntry[] = [];
  const storage: JournalStorage & { entries: JournalEntry[]; heal: () => void } = {
    get entries() {
      return stored;
    },
    heal: () => {
      healed = true;
    },
    load: () => structuredClone(stored),
    save: (entries) => {
      if (++saves >= failFrom && !healed)
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      stored = structuredClone(entries);
    },
  };
  return storage;
}

describe('journal first, then write', () => {
  it('the journal cannot be written at all: the fix stops before the API is touched', async () => {
    const storage = fullDisk(1);
    const acc = await recorded({ storage });
    const before = touchedState(acc.emulator);
    const outcome = await acc.apply(['default-stage-names'], { journal: acc.journal });
    if (outcome.status === 'refused') throw new Error('refused');
    expect(outcome.status).toBe('failed');
    const ops = outcome.plans[0]!.ops;
    expect(ops[0]).toMatchObject({
      status: 'failed',
      reason: { key: 'fix.journal.unsaved', params: { error: 'ENOSPC: no space left on device' } },
    });
    expect(ops.slice(1).every((o) => o.status === 'not-attempted')).toBe(true);
    expect(acc.writes()).toEqual([]);
    expect(touchedState(acc.emulator)).toBe(before);
    expect(storage.entries).toEqual([]);
  });

  it('the disk fills after a write: the fix stops there, the journal holds that op as sending, and undo settles and restores it', async () => {
    // Save 1 records op 0 as sending, the write lands, save 2 (marking it applied) fails.
    const storage = fullDisk(2);
    const acc = await recorded({ storage });
    const original = touchedState(acc.emulator);
    const outcome = await acc.apply(['default-stage-names'], { journal: acc.journal });
    if (outcome.status === 'refused') throw new Error('refused');
    expect(outcome.status).toBe('partial');
    expect(outcome.plans[0]!.reason).toMatchObject({ key: 'fix.journal.unsaved' });
    expect(outcome.plans[0]!.ops.map((o) => o.status)).toEqual([
      'applied',
      ...outcome.plans[0]!.ops.slice(1).map(() => 'not-attempted'),
    ]);
    expect(acc.writes()).toHaveLength(1);
    expect(storage.entries.flatMap((e) => e.ops.map((o) => `${o.index}:${o.state}`))).toEqual(['0:sending']);

    storage.heal();
    const undone = await undoFixes({
      client: acc.client,
      journal: new Journal(storage),
      lock: acc.lock,
      isAdmin: true,
      batchId: outcome.batchId,
    });
    if (undone.status === 'refused') throw new Error(undone.reason);
    expect(undone.status).toBe('undone');
    expect(touchedState(acc.emulator)).toBe(original);
  });

  it('an op journaled as sending that never landed is skipped by undo, not reverted', async () => {
    const acc = await recorded();
    const fixed = await acc.apply(['unsorted-off']);
    if (fixed.status === 'refused') throw new Error('refused');
    // As if the process died between journaling and sending: the account never got the write.
    acc.emulator.store.pipelines.find((p) => p.id === 7300001)!.is_unsorted_on = false;
    const journal = edit(
      acc,
      (e) => {
        e.ops[0]!.state = 'sending';
      },
      true,
    );
    acc.sent.length = 0;
    const undone = await undoFixes({
      client: acc.client,
      journal,
      lock: acc.lock,
      isAdmin: true,
      batchId: fixed.batchId,
    });
    if (undone.status === 'refused') throw new Error(undone.reason);
    expect(undone.ops.map((o) => [o.status, o.reason?.key])).toEqual([['skipped', 'fix.undo.neverLanded']]);
    expect(acc.writes()).toEqual([]);
  });

  it('a journal file that cannot be replaced: the save throws and leaves no temp file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-full-'));
    const path = join(dir, 'j.json');
    // A directory where the file should go: the temp file is written, then the rename fails, as a full disk would fail it.
    mkdirSync(path);
    expect(() => fileJournalStorage(path).save([])).toThrow(/EISDIR|ENOTEMPTY|EEXIST|EPERM/);
    expect(readdirSync(dir)).toEqual(['j.json']);
  });
});
