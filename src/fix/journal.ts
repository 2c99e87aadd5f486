/**
 * The journal of applied fixes. Each op is written down — marked "sending", with the target it was
 * checked against — before its request goes out, and marked applied (with the id a create returned)
 * once it settles, so no write ever lands unrecorded. One apply = one batch; one entry per rule. Each
 * entry names the account and carries a checksum, so undo can refuse an entry that was edited or
 * belongs elsewhere. Storage is pluggable (memory, file for the CLI, localStorage per account).
 */
import { checksumOf } from './checksum';
import type { Op, OpTarget } from './types';

/** How undoing one op ended. */
export type UndoStatus = 'applied' | 'conflict' | 'skipped' | 'failed';

/** `sending`: written before the request, outcome not known yet; `applied`: the account holds it. */
export type JournalOpState = 'sending' | 'applied';

/** One op as journaled. */
export interface JournalOp {
  /** Position in the plan, from 0. */
  index: number;
  state: JournalOpState;
  /** The op as planned (its summary and body, for the history); undo never sends its path. */
  op: Op;
  /** What the op writes to, as checked; a create's target gets the id the API returned. */
  target: OpTarget;
  /** What the op wrote (PATCH body, or the created object's body); undo expects to find it. */
  written: unknown;
  /**
   * What undo writes back to the target (a PATCH body); null when there is nothing to restore. A create
   * is undone by deleting what it created (`undoGuard` says on which condition).
   */
  restore: unknown;
  /** Id of the object a POST created. */
  createdId?: number;
  /** True when the write's answer was lost and the state was read back to settle it. */
  settledByReRead?: boolean;
  /** Set once undo has dealt with this op. */
  undone?: { at: string; status: UndoStatus };
}

/** The account an entry was applied to. */
export interface JournalAccount {
  id: number;
  subdomain: string;
}

/** One rule's applied ops within a batch (or one undo run over an entry). */
export interface JournalEntry {
  id: string;
  batchId: string;
  ruleId: string;
  kind: 'fix' | 'undo';
  /** For undo entries: the entry undone. */
  undoOf?: string;
  /** ISO 8601. */
  appliedAt: string;
  by: string | null;
  /** The account the ops were written to (null when it could not be read). */
  account: JournalAccount | null;
  ops: JournalOp[];
  /** ISO 8601 once every op of a fix entry has been undone (or had nothing to undo). */
  undoneAt: string | null;
  /** `checksumOf` the entry without this key, renewed on every save. */
  checksum?: string;
}

/** The checksum an entry should carry. */
export function entryChecksum(entry: JournalEntry): string {
  const { checksum: _omit, ...rest } = entry;
  return checksumOf(rest);
}

/** Where journal entries live. `save` must be durable when it resolves. */
export interface JournalStorage {
  load(): JournalEntry[];
  save(entries: JournalEntry[]): void | Promise<void>;
}

/** Version of the journal's JSON form (2: ops carry their target and state, entries their account and checksum). */
export const JOURNAL_SCHEMA = 2;

/** The journal as downloadable JSON text. */
export function journalToJson(entries: readonly JournalEntry[]): string {
  return `${JSON.stringify({ schemaVersion: JOURNAL_SCHEMA, entries }, null, 2)}\n`;
}

/** Parse journal JSON (a file, a download, a localStorage value); empty text = empty journal. */
export function journalFromJson(text: string): JournalEntry[] {
  if (text.trim() === '') return [];
  const json = JSON.parse(text) as { schemaVersion?: unknown; entries?: unknown };
  if (json?.schemaVersion === 1) {
    // Version 1 stored request paths and no checksums: nothing in it can be verified, so nothing is undone from it.
    throw new Error('a journal written by an older version (schemaVersion 1): undo its changes by hand');
  }
  if (json?.schemaVersion !== JOURNAL_SCHEMA || !Array.isArray(json.entries)) {
    throw new Error(`not a setup-audit journal (schemaVersion ${String(json?.schemaVersion)})`);
  }
  return json.entries as JournalEntry[];
}

/** Kept in memory only (tests, a one-off run). */
export function memoryJournalStorage(initial: JournalEntry[] = []): JournalStorage & { entries: JournalEntry[] } {
  const box = { entries: structuredClone(initial) };
  return {
    get entries() {
      return box.entries;
    },
    load: () => structuredClone(box.entries),
    save: (entries) => {
      box.entries = structuredClone(entries);
    },
  };
}

/** The subset of the Web Storage API the journal and lock use. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** In the browser: one localStorage key per account, so two accounts never share a journal. */
export function localJournalStorage(
  accountKey: string,
  storage: KeyValueStorage = globalThis.localStorage,
): JournalStorage {
  const key = `setup-audit:journal:${accountKey}`;
  return {
    load: () => journalFromJson(storage.getItem(key) ?? ''),
    save: (entries) => storage.setItem(key, journalToJson(entries)),
  };
}

/** Options of a journal. */
export interface JournalOptions {
  now?: () => Date;
  newId?: () => string;
  /** Who applies (shown in the history). */
  by?: string | null;
}

/** Options of one entry. */
export interface BeginOptions {
  kind?: JournalEntry['kind'];
  undoOf?: string;
  account?: JournalAccount | null;
}

function randomId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`
  );
}

/** The journal over a storage: every change is saved before the call resolves. */
export class Journal {
  private list: JournalEntry[];
  private readonly now: () => Date;
  readonly newId: () => string;
  private readonly by: string | null;

  constructor(
    private readonly storage: JournalStorage,
    opts: JournalOptions = {},
  ) {
    this.list = storage.load();
    this.now = opts.now ?? (() => new Date());
    this.newId = opts.newId ?? randomId;
    this.by = opts.by ?? null;
  }

  /** All entries, oldest first (copies). */
  entries(): JournalEntry[] {
    return structuredClone(this.list);
  }

  /** One entry by id (a copy), or undefined. */
  entry(id: string): JournalEntry | undefined {
    const e = this.list.find((x) => x.id === id);
    return e && structuredClone(e);
  }

  /** Fix entries of a batch, in the order they were applied. */
  batch(batchId: string): JournalEntry[] {
    return structuredClone(this.list.filter((e) => e.batchId === batchId && e.kind === 'fix'));
  }

  /** Starts an entry (saved only once it holds an op, so refused or empty runs leave no trace). */
  begin(batchId: string, ruleId: string, opts: BeginOptions = {}): JournalEntry {
    const entry: JournalEntry = {
      id: this.newId(),
      batchId,
      ruleId,
      kind: opts.kind ?? 'fix',
      appliedAt: this.now().toISOString(),
      by: this.by,
      account: opts.account ?? null,
      ops: [],
      undoneAt: null,
    };
    if (opts.undoOf) entry.undoOf = opts.undoOf;
    return entry;
  }

  /**
   * Saves the journal with `change` applied; when the storage refuses (disk full, quota), the change is
   * rolled back here too and the error thrown, so memory never holds what the storage does not.
   */
  private async commit(change: (list: JournalEntry[]) => void): Promise<void> {
    const next = structuredClone(this.list);
    change(next);
    for (const e of next) e.checksum = entryChecksum(e);
    await this.storage.save(next);
    this.list = next;
  }

  /** Records an op in `entry` (the caller's copy too) and saves — before its request is sent. */
  async record(entry: JournalEntry, op: JournalOp): Promise<void> {
    await this.commit((list) => {
      const stored = list.find((e) => e.id === entry.id);
      if (stored) stored.ops.push(structuredClone(op));
      else list.push({ ...structuredClone(entry), ops: [...structuredClone(entry.ops), structuredClone(op)] });
    });
    entry.ops.push(structuredClone(op));
  }

  /** Updates a recorded op (settled: applied, its created id) and saves. */
  async settle(entry: JournalEntry, index: number, changes: Partial<JournalOp>): Promise<void> {
    await this.commit((list) => {
      const op = list.find((e) => e.id === entry.id)?.ops.find((o) => o.index === index);
      if (op) Object.assign(op, structuredClone(changes));
    });
    const mine = entry.ops.find((o) => o.index === index);
    if (mine) Object.assign(mine, structuredClone(changes));
  }

  /** Forgets a recorded op whose request did not land (and the entry once it holds none), and saves. */
  async drop(entry: JournalEntry, index: number): Promise<void> {
    await this.commit((list) => {
      const stored = list.find((e) => e.id === entry.id);
      if (!stored) return;
      stored.ops = stored.ops.filter((o) => o.index !== index);
      if (stored.ops.length === 0) list.splice(list.indexOf(stored), 1);
    });
    entry.ops = entry.ops.filter((o) => o.index !== index);
  }

  /** Marks an op of a fix entry as dealt with by undo (and the entry undone when all are). */
  async markUndone(entryId: string, index: number, status: UndoStatus): Promise<void> {
    const at = this.now().toISOString();
    await this.commit((list) => {
      const entry = list.find((e) => e.id === entryId);
      const op = entry?.ops.find((o) => o.index === index);
      if (!entry || !op) return;
      op.undone = { at, status };
      const settled = (s: UndoStatus | undefined) => s === 'applied' || s === 'skipped';
      if (entry.ops.every((o) => settled(o.undone?.status))) entry.undoneAt = at;
    });
  }
}
