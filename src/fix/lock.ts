/**
 * One plan at a time: an in-memory flag for this page/process, plus a localStorage entry with an
 * expiry so a second tab of the same account sees the first one applying (and a crashed tab's
 * lock lapses on its own).
 */
import type { KeyValueStorage } from './journal';

/** Default lifetime of a lock not refreshed: long enough for a slow op, short enough to recover from a closed tab. */
export const LOCK_TTL_MS = 2 * 60 * 1000;

/** A lock around applying or undoing. */
export interface FixLock {
  /** Takes the lock; false when someone (this page or another tab) holds it. */
  acquire(): boolean;
  /** Pushes the expiry forward while work goes on. */
  refresh(): void;
  release(): void;
  readonly held: boolean;
}

/** Options of a lock. */
export interface LockOptions {
  /** Shared storage (localStorage in the browser); absent = this process only. */
  storage?: KeyValueStorage;
  /** Storage key, per account. */
  key?: string;
  ttlMs?: number;
  now?: () => number;
  owner?: string;
}

/** Creates a lock. */
export function createLock(opts: LockOptions = {}): FixLock {
  const key = opts.key ?? 'setup-audit:fix-lock';
  const ttl = opts.ttlMs ?? LOCK_TTL_MS;
  const now = opts.now ?? Date.now;
  const owner = opts.owner ?? globalThis.crypto?.randomUUID?.() ?? String(now());
  let held = false;

  const read = (): { owner: string; expiresAt: number } | null => {
    try {
      const v = JSON.parse(opts.storage?.getItem(key) ?? 'null') as { owner?: unknown; expiresAt?: unknown } | null;
      return v && typeof v.owner === 'string' && typeof v.expiresAt === 'number'
        ? { owner: v.owner, expiresAt: v.expiresAt }
        : null;
    } catch {
      return null;
    }
  };
  const write = () => opts.storage?.setItem(key, JSON.stringify({ owner, expiresAt: now() + ttl }));

  return {
    get held() {
      return held;
    },
    acquire() {
      if (held) return false;
      const other = read();
      if (other && other.owner !== owner && other.expiresAt > now()) return false;
      write();
      held = true;
      return true;
    },
    refresh() {
      if (held) write();
    },
    release() {
      if (!held) return;
      held = false;
      if (read()?.owner === owner) opts.storage?.removeItem(key);
    },
  };
}
