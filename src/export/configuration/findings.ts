import type { SheetSpec, CellValue } from '../xlsx/types';
import type { DocContext } from './context';
import { col, tOr } from './context';

/** Items listed per finding; the rest is summarised so a row stays readable. */
const MAX_ITEMS = 50;

/** Findings: one row per rule result, with a blank status column for sign-off. */
export function findingsSheet(ctx: DocContext): SheetSpec {
  const { report, t } = ctx;
  const columns = [
    col(t, 'area', 16),
    col(t, 'rule', 28),
    col(t, 'ruleId', 26),
    col(t, 'severity', 12),
    col(t, 'outcome', 16),
    col(t, 'finding', 40, true),
    col(t, 'items', 50, true),
    col(t, 'why', 50, true),
    col(t, 'howTo', 50, true),
    col(t, 'fix', 14),
    col(t, 'status', 16),
    col(t, 'comment', 30, true),
  ];
  const rows: CellValue[][] = report.results.map((r) => {
    const listed = r.items.slice(0, MAX_ITEMS).map((i) => i.text);
    if (r.items.length > MAX_ITEMS) listed.push(t('export.moreItems', { count: r.items.length - MAX_ITEMS }));
    const message = r.outcome === 'error' && r.error ? r.error.message : r.message;
    return [
      tOr(t, `areas.${r.area}`, r.area),
      r.title,
      r.ruleId,
      tOr(t, `severity.${r.severity}`, r.severity),
      tOr(t, `outcomes.${r.outcome}`, r.outcome),
      message,
      listed.join('\n'),
      r.why,
      r.howTo,
      r.fix ? tOr(t, `export.fixKind.${r.fix.kind}`, r.fix.kind) : '',
      '',
      '',
    ];
  });
  return { name: t('export.sheet.findings'), columns, rows };
}

/** Manual checklist: everything a person must confirm (manual and needs-review results). */
export function checklistSheet(ctx: DocContext): SheetSpec {
  const { report, t } = ctx;
  const columns = [
    col(t, 'area', 16),
    col(t, 'rule', 36),
    col(t, 'outcome', 16),
    col(t, 'whatToCheck', 60, true),
    col(t, 'done', 10),
    col(t, 'who', 20),
    col(t, 'date', 14),
    col(t, 'comment', 30, true),
  ];
  const rows: CellValue[][] = report.results
    .filter((r) => r.outcome === 'manual' || r.outcome === 'needs-review')
    .map((r) => [
      tOr(t, `areas.${r.area}`, r.area),
      r.title,
      tOr(t, `outcomes.${r.outcome}`, r.outcome),
      r.howTo || r.message,
      '',
      '',
      '',
      '',
    ]);
  return { name: t('export.sheet.checklist'), columns, rows };
}
