/**
 * A sign-off made on the audit page waits here until the settings modal saves it. The page cannot write
 * the widget's settings (the only documented way is the modal's Save), so the sign-off is staged in this
 * account's localStorage, where the modal — same origin, another screen — picks it up.
 */
import { signedOffFrom, type SignedOff } from '../blueprint/signed-off';
import type { KeyValueStorage } from '../fix';

/** The staged sign-off of one account. */
export interface SignOffStage {
  load(): SignedOff | null;
  save(signed: SignedOff): void;
  clear(): void;
}

/** The stage under `setup-audit:sign-off:<account>`. A damaged entry reads as none (and is dropped). */
export function signOffStage(storage: KeyValueStorage, accountKey: string): SignOffStage {
  const key = `setup-audit:sign-off:${accountKey}`;
  return {
    load() {
      const text = storage.getItem(key);
      if (!text) return null;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      const read = signedOffFrom(json);
      if (read.ok) return read.value;
      storage.removeItem(key);
      return null;
    },
    save(signed) {
      storage.setItem(key, JSON.stringify(signed));
    },
    clear() {
      storage.removeItem(key);
    },
  };
}
