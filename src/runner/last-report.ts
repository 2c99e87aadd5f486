import { upgradeSavedReport } from '../audit/saved-report';
import type { AuditReport, Report } from '../audit/types';
import type { KeyValueStorage } from '../fix/journal';
import { migratePartRequests } from '../snapshot/migrate';
import type { PartRequests } from '../snapshot/time-left';

/** The last complete report of an account as read back: in this version's shape, to localise before showing. */
export interface KeptReport {
  report: AuditReport;
  /** ISO 8601. */
  savedAt: string;
  /** Requests each part cost in the gathering behind it: the next audit's source for the time left. */
  requestsByPart?: PartRequests;
}

/** The last complete report of an account, localised for the viewer, with when it was saved. */
export interface SavedReport extends Omit<KeptReport, 'report'> {
  report: Report;
}

/**
 * The per-part counts of a stored value when they are counts (a damaged record gives none, not a wrong
 * estimate), with the part names of this version (an earlier one's `openLeads` is `leads`).
 */
export function partRequestsOf(value: unknown): PartRequests | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  return entries.every(([, n]) => Number.isInteger(n) && (n as number) >= 0)
    ? migratePartRequests(Object.fromEntries(entries) as Record<string, number>)
    : undefined;
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
    /** The kept report as this version reads it (one saved by an earlier version is upgraded, see saved-report.ts). */
    load(): KeptReport | null {
      try {
        const value = JSON.parse(storage.getItem(key) ?? 'null') as Partial<SavedReport> | null;
        if (!value || !isReport(value.report) || typeof value.savedAt !== 'string') return null;
        const requestsByPart = partRequestsOf(value.requestsByPart);
        const report = upgradeSavedReport(value.report);
        return { report, savedAt: value.savedAt, ...(requestsByPart ? { requestsByPart } : {}) };
      } catch {
        return null;
      }
    },
    /** Saves the report (and what each part cost to gather); false when the storage refused it (quota, private mode). */
    save(report: Report, requestsByPart?: PartRequests): boolean {
      try {
        const saved: SavedReport = {
          report,
          savedAt: now().toISOString(),
          ...(requestsByPart ? { requestsByPart } : {}),
        };
        storage.setItem(key, JSON.stringify(saved));
        return true;
      } catch {
        return false;
      }
    },
  };
}
