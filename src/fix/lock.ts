/**
 * One plan at a time: an in-memory flag for this page/process, plus a shared entry (localStorage, or
 * the CLI's lock file) with an expiry so a second tab or run on the same account sees the first one
 * applying — and a crashed holder's lock lapses on its own.
 */
import type { KeyValueStorage } from './journal';

/** Default lifetime of a lock not refreshed: long enough for a slow op, short enough to recover from a closed tab. */
export const LOCK_TTL_MS = 2 * 60 * 1000;

/** How far two clocks sharing a lock may disagree. */
export const LOCK_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** A lock around applying or undoing. */
export interface FixLock {
  /** Takes the lock; false when someone (this page or another tab) holds it. */
  acquire(): boolean;
  /** Pushes the expiry forward while work goes on. */
  refresh(): void;
  release(): void;
  readonly held: boolean;
  /** What the lock is called in messages (the CLI: its file), null for a lock of this process only. */
  readonly name: string | null;
  /** When the other holder's lock lapses (after a refused `acquire`), null when unknown. */
  busyUntil(): number | null;
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
  /** What to call the lock in messages (the CLI passes the lock file's path). */
  name?: string;
}

/** Creates a lock. */
export function createLock(opts: LockOptions = {}): FixLock {
  const key = opts.key ?? 'setup-audit:fix-lock';
  const ttl = opts.ttlMs ?? LOCK_TTL_MS;
  const now = opts.now ?? Date.now;
  const owner = opts.owner ?? globalThis.crypto?.randomUUID?.() ?? String(now());
  let held = false;

  let other: number | null = null;

  /**
   * The lock another holder wrote, or null when there is none or it cannot be one: damaged, or dated
   * further ahead than a holder ever writes (one TTL from its now, plus clock skew) — a lock "until 5138"
   * is no live holder's, and honouring it would refuse every fix forever.
   */
  const read = (): { owner: string; expiresAt: number } | null => {
    try {
      const v = JSON.parse(opts.storage?.getItem(key) ?? 'null') as { owner?: unknown; expiresAt?: unknown } | null;
      if (!v || typeof v.owner !== 'string' || typeof v.expiresAt !== 'number' || !Number.isFinite(v.expiresAt))
        return null;
      if (v.expiresAt > now() + ttl + LOCK_CLOCK_SKEW_MS) return null;
      return { owner: v.owner, expiresAt: v.expiresAt };
    } catch {
      return null;
    }
  };
  const write = () => opts.storage?.setItem(key, JSON.stringify({ owner, expiresAt: now() + ttl }));

  return {
    get held() {
      return held;
    },
    name: opts.name ?? null,
    busyUntil: () => other,
    acquire() {
      other = null;
      if (held) return false;
      const current = read();
      if (current && current.owner !== owner && current.expiresAt > now()) {
        other = current.expiresAt;
        return false;
      }
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
