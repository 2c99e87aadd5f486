/** The Roles sheet (a role per row: the 15 entity rights, tasks, mail and catalog access) and the Loss reasons sheet. */
import type { RightLetter } from '../../api/dto';
import { normalizeName } from '../../audit/normalize';
import type { DocumentProblem } from '../problems';
import { completeEntity, ROLE_ACTIONS, ROLE_ENTITIES } from '../rights';
import type { BlueprintLossReasons, BlueprintRole } from '../types';
import type { Labels } from './labels';
import { cellText, columns, type SheetTable } from './table';

type RightKey = `${(typeof ROLE_ENTITIES)[number]}.${(typeof ROLE_ACTIONS)[number]}`;

/** Reads the roles; every right must be a known letter or its label. */
export function readRoles(table: SheetTable, labels: Labels, problems: DocumentProblem[]): BlueprintRole[] {
  const rightKeys = ROLE_ENTITIES.flatMap((e) => ROLE_ACTIONS.map((a): RightKey => `${e}.${a}`));
  const heads = table.headers.map(normalizeName);
  // The header is composed from other keys («Сделки: просмотр»); every language's composition is accepted.
  const rightCol = (e: string, a: string) => {
    const names = labels.ts.map((t) =>
      normalizeName(t('export.rightColumn', { entity: t(`export.entity.${e}`), action: t(`export.action.${a}`) })),
    );
    return heads.findIndex((h) => names.includes(h));
  };
  const c = columns(
    table,
    labels,
    {
      role: { key: 'export.col.role' },
      mail: { key: 'export.col.mailAccess' },
      tasksEdit: { key: 'export.col.tasksEdit' },
      tasksDelete: { key: 'export.col.tasksDelete' },
      catalog: { key: 'export.col.catalogAccess' },
    },
    ['role', 'mail'],
    problems,
  );
  const cols = new Map<RightKey, number>();
  for (const key of rightKeys) {
    const [e, a] = key.split('.') as [string, string];
    const i = rightCol(e, a);
    if (i >= 0) cols.set(key, i);
    else {
      const column = labels.ts
        .map((t) => t('export.rightColumn', { entity: t(`export.entity.${e}`), action: t(`export.action.${a}`) }))
        .join(' / ');
      problems.push({
        sheet: table.name,
        row: table.headerRow,
        column,
        message: { key: 'blueprint.read.missingColumn', params: { column } },
      });
    }
  }
  if (c.role === undefined || c.mail === undefined || cols.size < rightKeys.length) return [];
  const out: BlueprintRole[] = [];
  for (const r of table.rows) {
    const name = cellText(r.cells[c.role]);
    if (name === '') continue;
    const bad = (col: number, key: string) =>
      problems.push({
        sheet: table.name,
        row: r.row,
        column: table.headers[col] ?? '',
        message: { key: `blueprint.read.${key}`, params: { value: cellText(r.cells[col]) } },
      });
    const letter = (col: number | undefined): RightLetter => {
      if (col === undefined) return 'D';
      const text = cellText(r.cells[col]);
      // An empty right is denied: the harshest reading, as amoCRM reads a missing action.
      if (text === '') return 'D';
      const l = labels.right(text);
      if (!l) bad(col, 'right');
      return l ?? 'D';
    };
    const flag = (col: number | undefined): boolean => {
      if (col === undefined) return false;
      const v = labels.yesNo(cellText(r.cells[col]));
      if (v === undefined) bad(col, 'yesNo');
      return v === true;
    };
    const entity = (e: (typeof ROLE_ENTITIES)[number]) =>
      completeEntity(Object.fromEntries(ROLE_ACTIONS.map((a) => [a, letter(cols.get(`${e}.${a}`))])));
    out.push({
      name,
      rights: {
        leads: entity('leads'),
        contacts: entity('contacts'),
        companies: entity('companies'),
        tasks: { edit: letter(c.tasksEdit), delete: letter(c.tasksDelete) },
        mail_access: flag(c.mail),
        catalog_access: flag(c.catalog),
      },
    });
  }
  return out;
}

/** Reads the loss reasons: the field's name (first filled cell of its column) and one reason per row. */
export function readLossReasons(
  table: SheetTable,
  labels: Labels,
  problems: DocumentProblem[],
): BlueprintLossReasons | null {
  const c = columns(
    table,
    labels,
    { field: { key: 'export.col.lossField' }, reason: { key: 'export.col.reason' } },
    ['field', 'reason'],
    problems,
  );
  if (c.field === undefined || c.reason === undefined) return null;
  let field = '';
  const reasons: string[] = [];
  for (const r of table.rows) {
    const f = cellText(r.cells[c.field]);
    if (f !== '' && field === '') field = f;
    else if (f !== '' && normalizeName(f) !== normalizeName(field)) {
      problems.push({
        sheet: table.name,
        row: r.row,
        column: table.headers[c.field] ?? '',
        message: { key: 'blueprint.read.oneLossField', params: { value: f, field } },
      });
    }
    const reason = cellText(r.cells[c.reason]);
    if (reason !== '') reasons.push(reason);
  }
  return field === '' ? null : { field, reasons };
}
