import type { PipelineDto, UserDto } from '../api/dto';
import type { ColumnInfo, ImportEntity, PreflightSchema, TableCell } from './types';
import type { ProblemLog } from './problems';
import { normalizeEmail, normalizeName, normalizePhone } from '../audit/normalize';
import { problem } from './problems';
import { closest } from './levenshtein';
import { isAcceptedDate, isAcceptedEmail, isAcceptedNumber, isAcceptedPhone, splitMulti } from './values';

/** Lookups built once from the schema for checking every row. */
export interface RowContext {
  entity: ImportEntity;
  columns: ColumnInfo[];
  /** Normalised option values per column index (list columns). */
  options: Map<number, Map<string, string>>;
  users: UserDto[];
  pipelines: PipelineDto[];
  skip: Set<'users' | 'pipelines'>;
  existing?: PreflightSchema['existing'];
  seenRows: Map<string, number>;
  seenPhones: Map<string, number>;
  seenEmails: Map<string, number>;
}

function text(c: TableCell | undefined): string {
  if (c === null || c === undefined) return '';
  return typeof c === 'string' ? c.trim() : String(c.value);
}

function isActive(u: UserDto): boolean {
  return u.rights.is_active && !u.rights.is_free;
}

function checkOwner(ctx: RowContext, row: number, col: ColumnInfo, value: string, log: ProblemLog): void {
  const norm = normalizeName(value);
  const email = normalizeEmail(value);
  const match = ctx.users.filter((u) => normalizeName(u.name) === norm || normalizeEmail(u.email) === email);
  if (match.some(isActive)) return;
  if (match.length) {
    log.add(problem('owner-inactive', row, col.header, { value, user: match[0]!.name }));
    return;
  }
  const near = closest(norm, ctx.users.filter(isActive), (u) => normalizeName(u.name), 2);
  log.add(problem('owner-unknown', row, col.header, { value }, near?.name));
}

function checkList(ctx: RowContext, row: number, col: ColumnInfo, value: string, log: ProblemLog): void {
  const options = ctx.options.get(col.index);
  if (!options) return;
  const norm = normalizeName(value);
  if (options.has(norm)) return;
  const parts = col.kind === 'multilist' ? splitMulti(value) : [value];
  for (const part of parts) {
    if (options.has(normalizeName(part))) continue;
    const near = closest(normalizeName(part), [...options.entries()], ([k]) => k, 2);
    log.add(problem('list-value-new', row, col.header, { value: part }, near?.[1]));
  }
}

function findPipeline(ctx: RowContext, name: string): PipelineDto | undefined {
  const norm = normalizeName(name);
  return ctx.pipelines.find((p) => normalizeName(p.name) === norm);
}

function checkPipelineAndStage(ctx: RowContext, row: number, cells: TableCell[], log: ProblemLog): void {
  if (ctx.skip.has('pipelines')) return;
  const pipeCol = ctx.columns.find((c) => c.kind === 'pipeline');
  const stageCol = ctx.columns.find((c) => c.kind === 'stage');
  const active = ctx.pipelines.filter((p) => !p.is_archive);
  let pipeline = active.find((p) => p.is_main) ?? active[0];
  const pipeName = pipeCol ? text(cells[pipeCol.index]) : '';
  if (pipeCol && pipeName) {
    const found = findPipeline(ctx, pipeName);
    if (!found || found.is_archive) {
      const near = closest(normalizeName(pipeName), active, (p) => normalizeName(p.name), 2);
      log.add(problem('pipeline-unknown', row, pipeCol.header, { value: pipeName }, near?.name));
      return;
    }
    pipeline = found;
  }
  const stageName = stageCol ? text(cells[stageCol.index]) : '';
  if (!stageCol || !stageName || !pipeline) return;
  const statuses = pipeline._embedded.statuses;
  const norm = normalizeName(stageName);
  if (statuses.some((s) => normalizeName(s.name) === norm)) return;
  const near = closest(norm, statuses, (s) => normalizeName(s.name), 2);
  log.add(problem('stage-unknown', row, stageCol.header, { value: stageName, pipeline: pipeline.name }, near?.name));
}

function checkDuplicates(ctx: RowContext, row: number, cells: TableCell[], log: ProblemLog): void {
  const used = ctx.columns.filter((c) => c.kind !== 'ignore');
  const key = used.map((c) => normalizeName(text(cells[c.index]))).join('\u0001');
  if (key.replace(/\u0001/g, '') === '') return;
  const first = ctx.seenRows.get(key);
  if (first !== undefined) {
    log.add(problem('row-duplicate', row, null, { first }));
    return;
  }
  ctx.seenRows.set(key, row);
  if (ctx.entity === 'leads') return;
  for (const c of used) {
    if (c.kind !== 'phone' && c.kind !== 'email') continue;
    for (const raw of splitMulti(text(cells[c.index]))) {
      const value = c.kind === 'phone' ? normalizePhone(raw) : normalizeEmail(raw);
      if (!value || (c.kind === 'phone' && value.length < 10)) continue;
      const seen = c.kind === 'phone' ? ctx.seenPhones : ctx.seenEmails;
      const before = seen.get(value);
      if (before !== undefined && before !== row)
        log.add(problem('row-duplicate', row, c.header, { first: before, value: raw }));
      else seen.set(value, row);
      const existing = c.kind === 'phone' ? ctx.existing?.phones : ctx.existing?.emails;
      if (ctx.entity === 'contacts' && existing?.has(value))
        log.add(problem('contact-exists', row, c.header, { value: raw }));
    }
  }
}

/** Check one data row: every cell by its column's kind, then pipeline/stage and duplicates. */
export function checkRow(ctx: RowContext, row: number, cells: TableCell[], log: ProblemLog): void {
  for (const col of ctx.columns) {
    const cell = cells[col.index];
    if (cell === null || cell === undefined) continue;
    const value = text(cell);
    if (!value) continue;
    switch (col.kind) {
      case 'date':
        if (!isAcceptedDate(typeof cell === 'string' ? value : cell.value))
          log.add(problem('date-invalid', row, col.header, { value }));
        break;
      case 'number':
        if (!isAcceptedNumber(typeof cell === 'string' ? value : cell.value))
          log.add(problem('number-invalid', row, col.header, { value }));
        break;
      case 'phone':
        for (const p of splitMulti(value))
          if (!isAcceptedPhone(p)) log.add(problem('phone-invalid', row, col.header, { value: p }));
        break;
      case 'email':
        for (const e of splitMulti(value))
          if (!isAcceptedEmail(e)) log.add(problem('email-invalid', row, col.header, { value: e }));
        break;
      case 'owner':
        if (!ctx.skip.has('users')) checkOwner(ctx, row, col, value, log);
        break;
      case 'list':
      case 'multilist':
        checkList(ctx, row, col, value, log);
        break;
      default:
        break;
    }
  }
  if (ctx.entity === 'leads') checkPipelineAndStage(ctx, row, cells, log);
  checkDuplicates(ctx, row, cells, log);
}
