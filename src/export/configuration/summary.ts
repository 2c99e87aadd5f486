import type { SheetSpec, CellValue } from '../xlsx/types';
import type { DocContext } from './context';
import { col, tOr } from './context';
import { OUTCOME_ORDER } from './labels';

/** Summary: account, date, baseline, overall score, then one row per area with counts. */
export function summarySheet(ctx: DocContext): SheetSpec {
  const { report, t } = ctx;
  const columns = [
    col(t, 'parameter', 32),
    col(t, 'value', 36),
    ...OUTCOME_ORDER.map((o) => ({ header: tOr(t, `outcomes.${o}`, o), width: 14 })),
  ];
  const account = report.account.name ?? report.account.subdomain ?? '';
  const rows: CellValue[][] = [
    [t('export.summary.account'), account],
    [t('export.summary.subdomain'), report.account.subdomain ?? ''],
    [t('export.summary.accountId'), report.account.id],
    [t('export.summary.takenAt'), formatTime(report.takenAt)],
    [t('export.summary.generatedAt'), formatTime(report.generatedAt)],
    [t('export.summary.baseline'), `${report.baseline.name} (${report.baseline.id} ${report.baseline.version})`],
    [
      t('export.summary.score'),
      report.score ?? t('export.notScored'),
      ...OUTCOME_ORDER.map((o) => report.counts[o] ?? 0),
    ],
    [t('export.summary.grade'), report.grade ?? ''],
    [t('export.summary.requests'), report.requests.count],
  ];
  for (const area of report.areas) {
    rows.push([
      t('export.summary.area', { area: tOr(t, `areas.${area.id}`, area.id) }),
      area.score ?? t('export.notScored'),
      ...OUTCOME_ORDER.map((o) => area.counts[o] ?? 0),
    ]);
  }
  for (const area of report.areas) {
    for (const f of area.failedParts) {
      rows.push([t('export.summary.notChecked', { area: tOr(t, `areas.${area.id}`, area.id) }), f.reason]);
    }
  }
  return { name: t('export.sheet.summary'), columns, rows };
}

/** ISO time as `YYYY-MM-DD HH:MM UTC` (no locale or clock dependence). */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
