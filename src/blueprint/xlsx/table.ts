/** One sheet of the document as a table: columns found by their header text, cells as text. */
import { normalizeName } from '../../audit/normalize';
import type { NamedSheet } from '../../preflight/input/xlsx-read';
import type { TableCell } from '../../preflight/types';
import type { DocumentProblem } from '../problems';
import type { Labels } from './labels';

/** Cell text: strings trimmed, numbers as their digits (spreadsheet programs turn "2024" into 2024). */
export function cellText(c: TableCell | undefined): string {
  if (c === null || c === undefined) return '';
  return typeof c === 'string' ? c.trim() : String(c.value);
}

/** A sheet with its header row read. */
export interface SheetTable {
  name: string;
  headerRow: number;
  /** Header texts by column index. */
  headers: string[];
  rows: { row: number; cells: TableCell[] }[];
}

/** The sheet as a table (first non-blank row = headers); null when it has no rows at all. */
export function tableOf(sheet: NamedSheet): SheetTable | null {
  const [head, ...rows] = sheet.rows;
  if (!head) return null;
  return { name: sheet.name, headerRow: head.row, headers: head.cells.map(cellText), rows };
}

/** A1-style letter of a 0-based column. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A column: the i18n key of its header (and its params), e.g. `export.col.name`. */
export type ColumnSpec = { key: string; params?: Record<string, string | number> };

/** Finds columns by header text in either language; reports each required one that is missing. */
export function columns<K extends string>(
  table: SheetTable,
  labels: Labels,
  spec: Record<K, ColumnSpec>,
  required: readonly NoInfer<K>[],
  problems: DocumentProblem[],
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  const heads = table.headers.map(normalizeName);
  for (const key of Object.keys(spec) as K[]) {
    const names = labels.all(spec[key].key, spec[key].params);
    const i = heads.findIndex((h) => h !== '' && names.includes(h));
    if (i >= 0) out[key] = i;
    else if (required.includes(key)) {
      const column = labels.ts.map((t) => t(spec[key].key, spec[key].params)).join(' / ');
      problems.push({
        sheet: table.name,
        row: table.headerRow,
        column,
        message: { key: 'blueprint.read.missingColumn', params: { column } },
      });
    }
  }
  return out;
}
