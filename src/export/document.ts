import type { Report } from '../audit/types';
import type { Snapshot } from '../snapshot/types';
import type { Lang, Translate } from '../i18n/translate';
import type { SheetSpec } from './xlsx/types';
import type { DocContext } from './configuration/context';
import { writeWorkbook } from './xlsx/workbook';
import { invalidCell } from './xlsx/sheet';
import { summarySheet } from './configuration/summary';
import { findingsSheet, checklistSheet } from './configuration/findings';
import { fieldsSheet } from './configuration/fields';
import { pipelinesSheet, requiredMatrixSheet } from './configuration/pipelines';
import { usersSheet, rolesSheet } from './configuration/people';
import { channelsSheet } from './configuration/channels';
import { lossReasonsSheet } from './configuration/loss-reasons';
import { formMappingSheets } from './configuration/form-mapping';

/** Input of the configuration document. */
export interface ConfigurationDocumentInput {
  report: Report;
  snapshot: Snapshot;
  lang: Lang;
  t: Translate;
}

// One sheet builder that throws must not cost the whole document: the sheet explains instead. A snapshot
// whose data is not shaped as the API returns it (edited by hand, from another tool) makes builders throw
// TypeErrors or produce objects where text belongs: the sheet says so in words, with the detail.
function safely(ctx: DocContext, name: string, build: () => SheetSpec[]): SheetSpec[] {
  const explain = (text: string): SheetSpec[] => [
    { name, columns: [{ header: ctx.t('export.col.problem'), width: 80 }], rows: [[text]] },
  ];
  try {
    const sheets = build();
    for (const s of sheets) {
      const bad = invalidCell(s);
      if (bad) return explain(ctx.t('export.sheetMalformed', { detail: `${bad.ref}: ${bad.type}` }));
    }
    return sheets;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (err instanceof TypeError) return explain(ctx.t('export.sheetMalformed', { detail: reason }));
    return explain(ctx.t('export.sheetFailed', { reason }));
  }
}

/**
 * The configuration document: one XLSX workbook describing the account's setup (summary,
 * findings, fields, pipelines, required matrix, loss reasons, users and roles, channels, form mapping,
 * manual checklist). Deterministic: the same input gives the same bytes.
 */
export async function buildConfigurationDocument(input: ConfigurationDocumentInput): Promise<Uint8Array> {
  const ctx: DocContext = input;
  const { t } = ctx;
  const sheets: SheetSpec[] = [
    ...safely(ctx, t('export.sheet.summary'), () => [summarySheet(ctx)]),
    ...safely(ctx, t('export.sheet.findings'), () => [findingsSheet(ctx)]),
    ...safely(ctx, t('export.sheet.fields'), () => [fieldsSheet(ctx)]),
    ...safely(ctx, t('export.sheet.pipelines'), () => [pipelinesSheet(ctx)]),
    ...safely(ctx, t('export.sheet.matrix'), () => [requiredMatrixSheet(ctx)]),
    ...safely(ctx, t('export.sheet.lossReasons'), () => [lossReasonsSheet(ctx)]),
    ...safely(ctx, t('export.sheet.users'), () => [usersSheet(ctx)]),
    ...safely(ctx, t('export.sheet.roles'), () => [rolesSheet(ctx)]),
    ...safely(ctx, t('export.sheet.channels'), () => [channelsSheet(ctx)]),
    ...safely(ctx, t('export.sheet.formMapping'), () => formMappingSheets(ctx)),
    ...safely(ctx, t('export.sheet.checklist'), () => [checklistSheet(ctx)]),
  ];
  return writeWorkbook(sheets);
}
