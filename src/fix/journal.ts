/**
 * The journal of applied fixes: every applied op with the value it wrote and its inverse, saved
 * before the next op starts, so an interrupted apply can still be undone. One apply = one batch;
 * one entry per rule. Storage is pluggable (memory, file for the CLI, localStorage per account).
 */
import type { Op } from './types';

/** How undoing one op ended. */
export type UndoStatus = 'applied' | 'conflict' | 'skipped' | 'failed';

/** One applied op as journaled. */
export interface JournalOp {
  /** Position in the plan, from 0. */
  index: number;
  op: Op;
  /** What the op wrote (PATCH body, or the created object's body); undo expects to find it. */
  written: unknown;
  /** The write that undoes it; null when there is nothing to restore. */
  inverse: Op | null;
  /** Id of the object a POST created. */
  createdId?: number;
  /** True when the write's answer was lost and the state was read back to settle it. */
  settledByReRead?: boolean;
  /** Set once undo has dealt with this op. */
  undone?: { at: string; status: UndoStatus };
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
  ops: JournalOp[];
  /** ISO 8601 once every op of a fix entry has been undone (or had nothing to undo). */
  undoneAt: string | null;
}

/** Where journal entries live. `save` must be durable when it resolves. */
export interface JournalStorage {
  load(): JournalEntry[];
  save(entries: JournalEntry[]): void | Promise<void>;
}

/** Version of the journal's JSON form. */
export const JOURNAL_SCHEMA = 1;

/** The journal as downloadable JSON text. */
export function journalToJson(entries: readonly JournalEntry[]): string {
  return `${JSON.stringify({ schemaVersion: JOURNAL_SCHEMA, entries }, null, 2)}\n`;
}

/** Parse journal JSON (a file, a download, a localStorage value); empty text = empty journal. */
export function journalFromJson(text: string): JournalEntry[] {
  if (text.trim() === '') return [];
  const json = JSON.parse(text) as { schemaVersion?: unknown; entries?: unknown };
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
  begin(batchId: string, ruleId: string, kind: JournalEntry['kind'] = 'fix', undoOf?: string): JournalEntry {
    const entry: JournalEntry = {
      id: this.newId(),
      batchId,
      ruleId,
      kind,
      appliedAt: this.now().toISOString(),
      by: this.by,
      ops: [],
      undoneAt: null,
    };
    if (undoOf) entry.undoOf = undoOf;
    return entry;
  }

  /** Records an applied op in `entry` and saves, before the caller starts the next op. */
  async record(entry: JournalEntry, op: JournalOp): Promise<void> {
    entry.ops.push(structuredClone(op));
    const i = this.list.findIndex((e) => e.id === entry.id);
    if (i < 0) this.list.push(entry);
    await this.storage.save(this.list);
  }

  /** Marks an op of a fix entry as dealt with by undo (and the entry undone when all are). */
  async markUndone(entryId: string, index: number, status: UndoStatus): Promise<void> {
    const entry = this.list.find((e) => e.id === entryId);
    const op = entry?.ops.find((o) => o.index === index);
    if (!entry || !op) return;
    const at = this.now().toISOString();
    op.undone = { at, status };
    const settled = (s: UndoStatus | undefined) => s === 'applied' || s === 'skipped';
    if (entry.ops.every((o) => settled(o.undone?.status))) entry.undoneAt = at;
    await this.storage.save(this.list);
  }
}
