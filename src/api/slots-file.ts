/**
 * The shared window of CLI runs (Node only; never imported by the widget): one small JSON file per account
 * in the OS temp folder, read and rewritten under a lock file, so two processes on one account together
 * stay within the limit. The file holds slot times only — no token, no account data.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockedStore, parseSlots, type SlotState, type SlotStore, type SlotStoreFactory } from './slots';

/** A lock older than this was left by a process that died while holding it (the work under it takes < 1 ms). */
const STALE_LOCK_MS = 2_000;
/** Most time spent waiting for the lock before giving up on sharing for this call. */
const LOCK_PATIENCE_MS = 3_000;

/** The default folder of the slot files. */
export function defaultSlotDir(): string {
  return join(tmpdir(), 'setup-audit-slots');
}

function errCode(err: unknown): string | undefined {
  return (err as { code?: string } | null)?.code;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The slot store of one account in `dir` (created 0700 when missing). */
export function fileSlotStore(account: string, dir: string = defaultSlotDir()): SlotStore {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = createHash('sha256').update(account).digest('hex').slice(0, 24);
  const file = join(dir, `${name}.json`);
  const lock = `${file}.lock`;

  async function exclusive<T>(work: () => T): Promise<T> {
    const started = Date.now();
    for (let spin = 0; ; spin++) {
      let fd: number;
      try {
        fd = openSync(lock, 'wx', 0o600);
      } catch (err) {
        if (errCode(err) !== 'EEXIST') throw err;
        try {
          if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) unlinkSync(lock);
        } catch {
          // Gone in between: the next spin takes it.
        }
        if (Date.now() - started > LOCK_PATIENCE_MS) throw new Error(`slot lock ${lock} is held too long`);
        await pause(Math.min(1 + spin, 10));
        continue;
      }
      try {
        return work();
      } finally {
        closeSync(fd);
        try {
          unlinkSync(lock);
        } catch {
          // Removed as stale by another process: nothing to release.
        }
      }
    }
  }

  const read = (): SlotState => {
    try {
      return parseSlots(readFileSync(file, 'utf8'));
    } catch (err) {
      if (errCode(err) === 'ENOENT') return parseSlots(null);
      throw err;
    }
  };
  const write = (state: SlotState) => {
    // Written whole then renamed: a reader never sees half a record.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
    renameSync(tmp, file);
  };
  return lockedStore(exclusive, read, write);
}

/** A factory for `useSharedSlots`: every account's store in `dir`. */
export function fileSlotStores(dir: string = defaultSlotDir()): SlotStoreFactory {
  return (account) => fileSlotStore(account, dir);
}
