/**
 * The shared window of the panel's tabs: the record lives in localStorage under one key per account, and
 * every read-modify-write runs under a Web Lock of that name, so tabs of one account take turns. Without
 * Web Locks (very old browsers) the record is still shared, unguarded: a rare race only loosens one window.
 */
import { lockedStore, parseSlots, type SlotState, type SlotStore, type SlotStoreFactory } from './slots';

/** The parts of `navigator.locks` used here. */
interface LockManagerLike {
  request<T>(name: string, callback: () => T | Promise<T>): Promise<T>;
}

/** The parts of Storage used here. */
interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const PREFIX = 'setup-audit:slots:';

/** The slot store of one account over a storage, guarded by `locks` when present. */
export function browserSlotStore(account: string, storage: StorageLike, locks?: LockManagerLike): SlotStore {
  const key = `${PREFIX}${account}`;
  const read = (): SlotState => parseSlots(storage.getItem(key));
  const write = (state: SlotState) => storage.setItem(key, JSON.stringify(state));
  const exclusive = <T>(work: () => T): Promise<T> => (locks ? locks.request(key, work) : Promise.resolve().then(work));
  return lockedStore(exclusive, read, write);
}

/** A factory for `useSharedSlots` in the page: null when the page has no localStorage (then tabs are on their own). */
export function browserSlotStores(): SlotStoreFactory | null {
  const g = globalThis as { localStorage?: StorageLike; navigator?: { locks?: LockManagerLike } };
  let storage: StorageLike | undefined;
  try {
    storage = g.localStorage;
  } catch {
    // Storage blocked by the browser's settings.
    return null;
  }
  if (!storage) return null;
  const locks = g.navigator?.locks;
  return (account) => browserSlotStore(account, storage, locks);
}
