import type { Report } from '../audit/types';
import type { Lang } from '../i18n/translate';
import type { PanelStore } from '../ui/store';

/** What the shell needs of the browser's storage. */
export interface ReportStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const keyOf = (accountKey: string) => `setup-audit:last-report:${accountKey}`;

/**
 * The last finished report of this account, to show at once on the next visit while a fresh audit runs
 * ("refreshing…"). Null when none was kept, when it is damaged, or when it is in another language (the
 * texts of a report are rendered in the language it was made in).
 */
export function readLastReport(storage: ReportStorage | undefined, accountKey: string, lang: Lang): Report | null {
  try {
    const value: unknown = JSON.parse(storage?.getItem(keyOf(accountKey)) ?? 'null');
    if (!value || typeof value !== 'object') return null;
    const report = value as Partial<Report>;
    const shaped =
      report.schemaVersion === 1 && Array.isArray(report.results) && Array.isArray(report.areas) && report.counts;
    return shaped && report.lang === lang ? (report as Report) : null;
  } catch {
    // A damaged value must not stop the panel: the audit runs as on a first visit.
    return null;
  }
}

/** Keeps every finished report of the store in `storage` (a full storage only means the next visit waits). */
export function keepLastReport(store: PanelStore, storage: ReportStorage | undefined, accountKey: string): () => void {
  let kept: Report | null = store.getState().report;
  return store.subscribe((state) => {
    if (!storage || !state.report || state.report === kept || state.audit.status === 'running') return;
    kept = state.report;
    try {
      storage.setItem(keyOf(accountKey), JSON.stringify(state.report));
    } catch {
      // Quota exceeded or storage disabled: nothing is lost but the head start of the next visit.
    }
  });
}
