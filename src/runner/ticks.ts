import type { KeyValueStorage } from '../fix/journal';

/** A person's tick on a manual check, stored per account. */
export interface ManualTick {
  ruleId: string;
  checked: boolean;
  /** Name of the user who ticked or unticked it. */
  by: string;
  /** ISO 8601. */
  at: string;
}

/** Manual-check ticks of one account, kept in localStorage (who ticked, when). */
export function tickStore(storage: KeyValueStorage, accountKey: string) {
  const key = `setup-audit:ticks:${accountKey}`;
  const read = (): Record<string, ManualTick> => {
    try {
      const value = JSON.parse(storage.getItem(key) ?? '{}');
      return value && typeof value === 'object' ? (value as Record<string, ManualTick>) : {};
    } catch {
      // A damaged value must not break the panel: start over rather than throw.
      return {};
    }
  };
  return {
    all: read,
    set(tick: ManualTick): ManualTick {
      storage.setItem(key, JSON.stringify({ ...read(), [tick.ruleId]: tick }));
      return tick;
    },
  };
}
