/**
 * The CLI's memory of what each account's last complete audit cost, per part: the one thing the next
 * audit needs to say how long its data scan has left (lists carry no totals). It holds counts and a time
 * and nothing else — no token, no names, no record ids — in one small JSON file of the user's own (0600),
 * replaced atomically. Every trouble with the file is a value, never an exception: the audit runs the same
 * without it and only loses the estimate.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileDurably } from '../fix/journal-file';
import { GATHERERS } from '../snapshot/gatherers';
import type { PartRequests } from '../snapshot/time-left';
import type { PartName } from '../snapshot/types';

/** The file's shape version; a newer one is left untouched (a newer CLI wrote it). */
export const REQUEST_COUNTS_SCHEMA = 1;
/** Accounts kept, the most recently audited first: an integrator's many clients never grow the file unbounded. */
export const MAX_ACCOUNTS = 50;
/** 50 accounts take a few kilobytes; a file far larger is not one this CLI wrote. */
export const MAX_FILE_BYTES = 256 * 1024;

/** What is kept of one account's last complete audit. */
export interface KeptCounts {
  /** When the snapshot behind the counts was taken (ISO 8601): the order the cap keeps. */
  takenAt: string;
  /** Requests each part cost (parts that failed are not in it). */
  requestsByPart: PartRequests;
}

/** Why the file gave nothing or took nothing. */
export type CountsTrouble =
  /** It exists but cannot be read (permissions, a directory in its place). */
  | 'unreadable'
  /** Not JSON, not this shape, or too large: the next save replaces it. */
  | 'corrupt'
  /** Written by a newer version of the CLI: read nothing from it, write nothing over it. */
  | 'newer'
  /** The folder or the file cannot be written (read-only disk, a file where the folder should be). */
  | 'unwritable';

/** A failure as a value, with the system's own words for a note. */
export interface CountsFailure {
  ok: false;
  trouble: CountsTrouble;
  detail: string;
}

/** The kept counts of one account (null: none kept yet), or why there are none. */
export type CountsLoad = { ok: true; kept: KeptCounts | null } | CountsFailure;

/** The save went through, or why not. */
export type CountsSave = { ok: true } | CountsFailure;

/**
 * The account's key in the file: the host it is reached at and its id. The id tells two accounts behind one
 * host apart (the emulator reseeded), the host two accounts with the same id on different servers.
 */
export function accountStateKey(baseUrl: string, accountId: number): string {
  return `${new URL(baseUrl).host}#${accountId}`;
}

function failure(trouble: CountsTrouble, err: unknown): CountsFailure {
  return { ok: false, trouble, detail: err instanceof Error ? err.message : String(err) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * One kept entry, or null when it is not one this CLI would write: unknown parts and counts that are not
 * whole numbers ≥ 0 make the whole entry go (a wrong estimate is worse than none).
 */
function keptOf(value: unknown): KeptCounts | null {
  if (!isPlainObject(value) || typeof value.takenAt !== 'string' || Number.isNaN(Date.parse(value.takenAt)))
    return null;
  const counts = value.requestsByPart;
  if (!isPlainObject(counts)) return null;
  const entries = Object.entries(counts);
  const valid = entries.every(
    ([part, n]) => Object.hasOwn(GATHERERS, part) && Number.isSafeInteger(n) && (n as number) >= 0,
  );
  if (!valid || entries.length === 0) return null;
  return { takenAt: value.takenAt, requestsByPart: Object.fromEntries(entries) as Partial<Record<PartName, number>> };
}

/** Every account in the file (a missing file is an empty one), the most recent first, or why not. */
function readAll(path: string): { ok: true; accounts: Map<string, KeptCounts> } | CountsFailure {
  let text: string;
  try {
    // Sized before it is read: a huge file in its place must not be loaded whole.
    if (statSync(path).size > MAX_FILE_BYTES) return failure('corrupt', `larger than ${MAX_FILE_BYTES} bytes`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    // Nothing there yet (ENOTDIR: a file where the folder would be, which the save then reports).
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: true, accounts: new Map() };
    return failure('unreadable', err);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return failure('corrupt', err);
  }
  if (!isPlainObject(value) || !Number.isSafeInteger(value.schemaVersion))
    return failure('corrupt', 'no schemaVersion');
  if ((value.schemaVersion as number) > REQUEST_COUNTS_SCHEMA)
    return failure('newer', `schemaVersion ${value.schemaVersion}`);
  if (value.schemaVersion !== REQUEST_COUNTS_SCHEMA || !isPlainObject(value.accounts))
    return failure('corrupt', 'not a request-counts file');
  const accounts = new Map<string, KeptCounts>();
  for (const [key, entry] of Object.entries(value.accounts)) {
    const kept = keptOf(entry);
    if (kept) accounts.set(key, kept);
  }
  return { ok: true, accounts };
}

/** The most recent `MAX_ACCOUNTS`, newest first (ties keep the order they came in). */
function capped(accounts: Map<string, KeptCounts>): [string, KeptCounts][] {
  return [...accounts].sort(([, a], [, b]) => Date.parse(b.takenAt) - Date.parse(a.takenAt)).slice(0, MAX_ACCOUNTS);
}

/** The request-counts file at `path` (see state-location.ts for where it lives). */
export function requestCountsFile(path: string) {
  return {
    path,
    load(key: string): CountsLoad {
      const all = readAll(path);
      if (!all.ok) return all;
      return { ok: true, kept: all.accounts.get(key) ?? null };
    },
    /**
     * Keeps `kept` as the account's entry, the others as they were (capped). A corrupt file is replaced; an
     * unreadable or newer one is left alone, since writing over it would lose what it holds. Two runs saving
     * at once (two accounts audited side by side): the later rename wins and the other account's entry waits
     * for its next audit — an estimate lost, never a broken file (each run writes a temp file of its own).
     */
    save(key: string, kept: KeptCounts): CountsSave {
      const all = readAll(path);
      if (!all.ok && all.trouble !== 'corrupt') return all;
      const accounts = all.ok ? all.accounts : new Map<string, KeptCounts>();
      accounts.delete(key);
      accounts.set(key, { takenAt: kept.takenAt, requestsByPart: { ...kept.requestsByPart } });
      const file = { schemaVersion: REQUEST_COUNTS_SCHEMA, accounts: Object.fromEntries(capped(accounts)) };
      try {
        // A folder created here is private like the file (an existing one keeps the mode its owner gave it).
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        writeFileDurably(path, `${JSON.stringify(file, null, 2)}\n`, 0o600);
        return { ok: true };
      } catch (err) {
        return failure('unwritable', err);
      }
    },
  };
}
