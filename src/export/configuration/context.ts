import { failureReason } from '../../snapshot/failure-reason';
import type { Report } from '../../audit/types';
import type { Snapshot, Part, PartFailure } from '../../snapshot/types';
import type { Lang, Translate } from '../../i18n/translate';
import type { ColumnSpec, SheetSpec, CellValue } from '../xlsx/types';

/** What every sheet builder of the configuration document reads. */
export interface DocContext {
  report: Report;
  snapshot: Snapshot;
  lang: Lang;
  t: Translate;
}

/** A column whose header is the i18n key `export.col.<key>`. */
export function col(t: Translate, key: string, width: number, wrap = false): ColumnSpec {
  return { header: t(`export.col.${key}`), width, wrap };
}

/** Translation with a fallback when the key is missing (the translator echoes missing keys). */
export function tOr(t: Translate, key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

/** Why a part is missing, in words (one sentence naming the part). */
export function failureText(t: Translate, part: string, failure: PartFailure): string {
  return t('export.partFailed', { part: tOr(t, `parts.${part}`, part), reason: failureReason(failure, t) });
}

/** A sheet that says in one row why its data could not be loaded. */
export function failedSheet(name: string, columns: ColumnSpec[], text: string): SheetSpec {
  const row: CellValue[] = [text];
  return { name, columns, rows: [row] };
}

/** Build a sheet from a part, or a one-row explanation when the part failed or is absent. */
export function fromPart<T>(
  ctx: DocContext,
  partName: string,
  part: Part<T> | undefined,
  name: string,
  columns: ColumnSpec[],
  build: (data: T) => CellValue[][],
): SheetSpec {
  if (!part)
    return failedSheet(name, columns, ctx.t('export.partMissing', { part: tOr(ctx.t, `parts.${partName}`, partName) }));
  if ('error' in part) return failedSheet(name, columns, failureText(ctx.t, partName, part.error));
  return { name, columns, rows: build(part.data) };
}

/** Yes/No in the document's language. */
export function yesNo(t: Translate, value: boolean | null | undefined): string {
  return value ? t('export.yes') : t('export.no');
}
