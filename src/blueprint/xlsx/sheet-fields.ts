/** The Fields sheet: entity, name, type, group and options (one per line) of every field. */
import { FIELD_TYPES } from '../../api/dto';
import type { DocumentProblem } from '../problems';
import { ENUM_TYPES, type BlueprintField } from '../types';
import type { Labels } from './labels';
import { cellText, columns, type SheetTable } from './table';

/** Splits a multi-line cell (Alt+Enter in a spreadsheet) into its non-empty lines. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/** Reads the fields. Tracking fields are skipped (no document creates them). */
export function readFields(table: SheetTable, labels: Labels, problems: DocumentProblem[]): BlueprintField[] {
  const c = columns(
    table,
    labels,
    {
      entity: { key: 'export.col.entity' },
      name: { key: 'export.col.name' },
      type: { key: 'export.col.type' },
      group: { key: 'export.col.group' },
      options: { key: 'export.col.options' },
    },
    ['entity', 'name', 'type'],
    problems,
  );
  if (c.entity === undefined || c.name === undefined || c.type === undefined) return [];
  const out: BlueprintField[] = [];
  for (const r of table.rows) {
    const at = (i: number | undefined) => (i === undefined ? '' : cellText(r.cells[i]));
    const name = at(c.name);
    if (name === '') continue;
    const bad = (col: number, key: string, value: string) =>
      problems.push({
        sheet: table.name,
        row: r.row,
        column: table.headers[col] ?? '',
        message: { key: `blueprint.read.${key}`, params: { value } },
      });
    const entity = labels.entity(at(c.entity));
    if (!entity) {
      bad(c.entity, 'entity', at(c.entity));
      continue;
    }
    const type = labels.code('export.fieldType', FIELD_TYPES, at(c.type));
    if (!type) {
      bad(c.type, 'type', at(c.type));
      continue;
    }
    if (type === 'tracking_data') continue;
    const group = at(c.group);
    out.push({
      entity,
      name,
      type,
      options: ENUM_TYPES.includes(type) ? lines(at(c.options)) : [],
      group: group === '' ? null : group,
    });
  }
  return out;
}
