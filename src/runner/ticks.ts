import type { ManualTick } from '../ui/runner-port';
import type { KeyValueStorage } from '../fix/journal';

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
