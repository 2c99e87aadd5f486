import type { CustomFieldDto } from '../api/dto';
import type { ColumnInfo, ColumnKind, ImportEntity, PreflightSchema, Problem } from './types';
import { normalizeName } from '../audit/normalize';
import { closest } from './levenshtein';
import { problem } from './problems';
import SYSTEM_COLUMNS from './system-columns.json';

/** A system column of the import: its accepted names and how its values are checked. */
export interface SystemColumn {
  names: string[];
  kind: ColumnKind;
}

/** The import's own columns for an entity (data: system-columns.json). */
export function systemColumns(entity: ImportEntity): SystemColumn[] {
  return (SYSTEM_COLUMNS as unknown as Record<ImportEntity, SystemColumn[]>)[entity];
}

/** How values of a custom field are checked. */
export function fieldKind(f: CustomFieldDto): ColumnKind {
  switch (f.type) {
    case 'select':
    case 'radiobutton':
      return 'list';
    case 'multiselect':
      return 'multilist';
    case 'date':
    case 'date_time':
    case 'birthday':
      return 'date';
    case 'numeric':
    case 'price':
    case 'monetary':
      return 'number';
    case 'multitext':
      return f.code === 'PHONE' ? 'phone' : f.code === 'EMAIL' ? 'email' : 'text';
    default:
      return 'text';
  }
}

interface Candidate {
  name: string;
  norm: string;
  kind: ColumnKind;
  source: 'field' | 'system';
}

function candidates(entity: ImportEntity, schema: PreflightSchema): Candidate[] {
  const fields = schema.fields
    .filter((f) => f.type !== 'tracking_data')
    .map((f): Candidate => ({ name: f.name, norm: normalizeName(f.name), kind: fieldKind(f), source: 'field' }));
  const system = systemColumns(entity).flatMap((c) =>
    c.names.map((name): Candidate => ({ name, norm: normalizeName(name), kind: c.kind, source: 'system' })),
  );
  return [...fields, ...system];
}

/** Allowed typos: short names tolerate one edit, longer ones two. */
function maxEdits(norm: string): number {
  return norm.length <= 4 ? 1 : 2;
}

/**
 * Match every header to the entity's field names or the import's system columns. A header
 * that is equal only after normalising (case, spaces, ё/е) or within a small edit distance is
 * a near miss: the import would not recognise it, but we know what was meant.
 */
export function resolveColumns(
  headers: string[],
  entity: ImportEntity,
  schema: PreflightSchema,
): { columns: ColumnInfo[]; problems: Problem[] } {
  const all = candidates(entity, schema);
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const columns = headers.map((header, index): ColumnInfo => {
    const norm = normalizeName(header);
    if (!norm) {
      problems.push(problem('header-empty', null, header, { index: index + 1 }));
      return { index, header, status: 'empty', target: null, kind: 'ignore' };
    }
    if (seen.has(norm)) {
      problems.push(problem('header-duplicate', null, header, { first: seen.get(norm)! + 1, index: index + 1 }));
      return { index, header, status: 'duplicate', target: null, kind: 'ignore' };
    }
    seen.set(norm, index);
    const exact = all.find((c) => c.name === header);
    if (exact) return { index, header, status: exact.source, target: exact.name, kind: exact.kind };
    const near =
      all.find((c) => c.norm === norm) ??
      closest(
        norm,
        all.filter((c) => c.norm.length > 1),
        (c) => c.norm,
        maxEdits(norm),
      );
    if (near) {
      problems.push(problem('header-near-miss', null, header, {}, near.name));
      return { index, header, status: 'near-miss', target: near.name, kind: near.kind };
    }
    problems.push(problem('header-unknown', null, header));
    return { index, header, status: 'unknown', target: null, kind: 'ignore' };
  });
  return { columns, problems };
}
