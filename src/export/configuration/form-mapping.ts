import type { CellValue, SheetSpec } from '../xlsx/types';
import type { DocContext } from './context';
import { col, tOr } from './context';
import { loadedFields } from './pipelines';

/** Rows offered for filling in per form (and for a form not yet listed). */
const BLANK_ROWS = 15;
const LAST_ROW = 1000;

/**
 * Form mapping: a sheet to fill (form, form field → CRM field) with a drop-down of the CRM's
 * fields, plus a visible list of those fields on a second sheet for reference.
 * Returns both sheets: the mapping and the field list its drop-down reads.
 */
export function formMappingSheets(ctx: DocContext): SheetSpec[] {
  const { t, snapshot } = ctx;
  const fieldsName = t('export.sheet.crmFields');
  const fields = loadedFields(ctx).filter(({ field }) => field.type !== 'tracking_data');
  const labels = fields.map(({ entity, field }) => `${t(`export.entity.${entity}`)}: ${field.name}`);
  const list: SheetSpec = {
    name: fieldsName,
    columns: [
      col(t, 'crmField', 40),
      col(t, 'entity', 14),
      col(t, 'name', 30),
      col(t, 'type', 16),
      col(t, 'options', 40, true),
    ],
    rows: fields.map(({ entity, field }, i) => [
      labels[i]!,
      t(`export.entity.${entity}`),
      field.name,
      tOr(t, `export.fieldType.${field.type}`, field.type),
      (field.enums ?? []).map((e) => e.value).join('\n'),
    ]),
  };
  const buttons = 'data' in snapshot.parts.websiteButtons ? snapshot.parts.websiteButtons.data : [];
  const forms = buttons.length ? buttons.map((b) => b.name) : [''];
  const rows: CellValue[][] = [];
  for (const form of forms) {
    for (let i = 0; i < BLANK_ROWS; i++) rows.push([form, '', '', '', '']);
  }
  const mapping: SheetSpec = {
    name: t('export.sheet.formMapping'),
    columns: [
      col(t, 'form', 26),
      col(t, 'formField', 26),
      col(t, 'crmField', 40),
      col(t, 'example', 24),
      col(t, 'comment', 30, true),
    ],
    rows,
    validations: fields.length
      ? [
          {
            fromCol: 2,
            toCol: 2,
            fromRow: 2,
            toRow: LAST_ROW,
            source: { sheet: fieldsName, col: 0, firstRow: 2, count: fields.length },
            strict: false,
          },
        ]
      : [],
  };
  return [mapping, list];
}
