import type { Report } from '../audit/types';
import type { KeyValueStorage } from '../fix/journal';

/** The last complete report of an account, as kept in browser storage, with when it was saved. */
export interface SavedReport {
  report: Report;
  /** ISO 8601. */
  savedAt: string;
}

/** True for something that has the shape of a Report this version can show (and localise again: keys present). */
function isReport(value: unknown): value is Report {
  const r = value as Partial<Report> | null;
  return (
    !!r &&
    r.schemaVersion === 1 &&
    Array.isArray(r.results) &&
    Array.isArray(r.areas) &&
    !!r.account &&
    r.results.every((x) => !!x?.keys?.title)
  );
}

/**
 * The last report per account (one localStorage key per account id), so the next visit shows it at
 * once while a fresh audit runs. Reading a damaged or foreign value gives null; a full storage loses
 * only the copy (the audit on screen is unaffected).
 */
export function lastReportStore(storage: KeyValueStorage, accountKey: string, now: () => Date = () => new Date()) {
  const key = `setup-audit:last-report:${accountKey}`;
  return {
    key,
    load(): SavedReport | null {
      try {
        const value = JSON.parse(storage.getItem(key) ?? 'null') as Partial<SavedReport> | null;
        return value && isReport(value.report) && typeof value.savedAt === 'string'
          ? { report: value.report, savedAt: value.savedAt }
          : null;
      } catch {
        return null;
      }
    },
    /** Saves the report; false when the storage refused it (quota, private mode). */
    save(report: Report): boolean {
      try {
        storage.setItem(key, JSON.stringify({ report, savedAt: now().toISOString() } satisfies SavedReport));
        return true;
      } catch {
        return false;
      }
    },
  };
}
