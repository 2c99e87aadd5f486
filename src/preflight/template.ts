import type { Lang, Translate } from '../i18n/translate';
import type { ColumnSpec, ListValidation, SheetSpec } from '../export/xlsx/types';
import type { ImportEntity, PreflightSchema } from './types';
import { writeWorkbook } from '../export/xlsx/workbook';
import { systemColumns } from './columns';

/** Input of the import template builder. */
export interface ImportTemplateInput {
  entity: ImportEntity;
  schema: PreflightSchema;
  lang: Lang;
  t: Translate;
}

/** Rows that get the drop-down lists. */
const LAST_ROW = 1000;

/**
 * The name the template uses for a system column kind: the ru spelling for ru, else the en one — the data
 * lists only the ru and en spellings the import recognises, so an es template keeps the English header
 * rather than a Spanish one the import might not match.
 */
function systemName(entity: ImportEntity, kind: string, lang: Lang, nth = 0): string | null {
  const cols = systemColumns(entity).filter((c) => c.kind === kind);
  const col = cols[nth];
  if (!col) return null;
  // Names are listed ru first, then en (system-columns.json).
  const en = col.names.find((n) => /^[A-Za-z]/.test(n));
  return lang !== 'ru' && en ? en : col.names[0]!;
}

/**
 * The import template: first row = the entity's name column(s), its exact field names and
 * the owner column; drop-downs for list fields, owners (active users) and, for leads,
 * pipelines and stages — the lists live on a hidden helper sheet.
 */
export async function buildImportTemplate({ entity, schema, lang, t }: ImportTemplateInput): Promise<Uint8Array> {
  const listsName = t('preflight.template.listsSheet');
  const lists: string[][] = [];
  const columns: ColumnSpec[] = [];
  const validations: ListValidation[] = [];
  const addList = (col: number, values: string[], strict: boolean) => {
    const distinct = [...new Set(values.filter((v) => v.trim()))];
    if (!distinct.length) return;
    lists.push(distinct);
    validations.push({
      fromCol: col,
      toCol: col,
      fromRow: 2,
      toRow: LAST_ROW,
      source: { sheet: listsName, col: lists.length - 1, count: distinct.length },
      strict,
    });
  };
  const push = (header: string, width = 22) => {
    columns.push({ header, width });
    return columns.length - 1;
  };

  if (entity === 'contacts') {
    push(systemName(entity, 'text', lang, 1)!);
    push(systemName(entity, 'text', lang, 2)!);
  } else {
    push(systemName(entity, 'text', lang, 0)!, 30);
  }
  if (entity === 'leads') {
    push(systemName(entity, 'number', lang)!, 14);
    const active = schema.pipelines.filter((p) => !p.is_archive).sort((a, b) => a.sort - b.sort);
    addList(
      push(systemName(entity, 'pipeline', lang)!),
      active.map((p) => p.name),
      true,
    );
    addList(
      push(systemName(entity, 'stage', lang)!),
      active.flatMap((p) =>
        p._embedded.statuses
          .filter((s) => s.type !== 1)
          .sort((a, b) => a.sort - b.sort)
          .map((s) => s.name),
      ),
      true,
    );
  }
  const fields = schema.fields.filter((f) => f.type !== 'tracking_data').sort((a, b) => a.sort - b.sort || a.id - b.id);
  for (const f of fields) {
    const col = push(f.name, Math.min(40, Math.max(14, f.name.length + 4)));
    const options = (f.enums ?? [])
      .slice()
      .sort((a, b) => a.sort - b.sort)
      .map((e) => e.value);
    // A multiselect cell holds several values, which a drop-down cannot; it only warns.
    if (f.type === 'select' || f.type === 'radiobutton') addList(col, options, true);
    if (f.type === 'multiselect') addList(col, options, false);
  }
  const active = schema.users
    .filter((u) => u.rights.is_active && !u.rights.is_free)
    .map((u) => u.name)
    .sort((a, b) => a.localeCompare(b));
  addList(push(systemName(entity, 'owner', lang)!, 26), active, true);

  const height = lists.reduce((h, l) => Math.max(h, l.length), 0);
  const helperRows = Array.from({ length: height }, (_, r) => lists.map((l) => l[r] ?? null));
  const sheets: SheetSpec[] = [
    { name: t(`preflight.template.sheet.${entity}`), columns, rows: [], validations },
    { name: listsName, columns: [], rows: helperRows, hidden: true, autoFilter: false },
  ];
  return writeWorkbook(sheets);
}
