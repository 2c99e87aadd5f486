import type {
  ColumnInfo,
  ImportEntity,
  PreflightProgress,
  PreflightResult,
  PreflightSchema,
  Problem,
  ProblemCount,
} from './types';
import type { PreflightLimits } from './limits';
import { DEFAULT_LIMITS } from './limits';
import { readTable, isBadFile, type BadFile } from './input/read-table';
import { resolveColumns } from './columns';
import { problem, ProblemLog, PROBLEM_SEVERITY } from './problems';
import { checkRow, type RowContext } from './rows';
import { normalizeName } from '../audit/normalize';

/** Input of the pre-flight check. */
export interface PreflightInput {
  file: Uint8Array;
  fileName: string;
  entity: ImportEntity;
  schema: PreflightSchema;
  onProgress?: (p: PreflightProgress) => void;
  /** Overrides of the file limits (tests, or a stricter integrator policy). */
  limits?: Partial<PreflightLimits>;
  /** Row-level problems kept per code (counts stay exact). */
  maxProblemsPerCode?: number;
  /** Cancels between batches of rows. */
  signal?: AbortSignal;
}

/** Lets the page paint and handle clicks (Cancel) between batches of rows. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const PROGRESS_EVERY = 1000;

function summarise(log: ProblemLog, rows: number): PreflightResult['summary'] {
  const byCode: ProblemCount[] = [...log.counts.entries()]
    .map(([code, count]) => ({ code, severity: PROBLEM_SEVERITY[code] ?? 'error', count }))
    .sort((a, b) => (a.severity === b.severity ? a.code.localeCompare(b.code) : a.severity === 'error' ? -1 : 1));
  const errors = byCode.filter((c) => c.severity === 'error').reduce((s, c) => s + c.count, 0);
  const warnings = byCode.filter((c) => c.severity === 'warning').reduce((s, c) => s + c.count, 0);
  return { rows, errors, warnings, byCode };
}

function optionsFor(columns: ColumnInfo[], schema: PreflightSchema): RowContext['options'] {
  const out: RowContext['options'] = new Map();
  for (const c of columns) {
    if (c.kind !== 'list' && c.kind !== 'multilist') continue;
    const field = schema.fields.find((f) => f.name === c.target);
    if (!field) continue;
    out.set(c.index, new Map((field.enums ?? []).map((e) => [normalizeName(e.value), e.value])));
  }
  return out;
}

/**
 * The result for a file that cannot be read as a table: one fatal problem, exit code 1. Also what a caller
 * answers when it refuses the file before reading it (its size from stat or File.size is over the limit).
 */
export function fileRefused(entity: ImportEntity, fileName: string, bad: BadFile): PreflightResult {
  const log = new ProblemLog();
  const params = { ...bad.params, file: fileName, ...(bad.row !== undefined ? { row: bad.row } : {}) };
  const fatal: Problem = problem(bad.code, bad.row ?? null, null, params);
  log.add(fatal);
  return {
    entity,
    fileName,
    fileKind: null,
    encoding: null,
    fatal,
    columns: [],
    summary: summarise(log, 0),
    problems: log.list,
    truncated: false,
    exitCode: 1,
  };
}

/**
 * Check an import file (.xlsx first sheet or .csv) against the live schema before amoCRM's
 * import sees it: headers, owners, list values, pipelines and stages, dates, phones, emails,
 * duplicates. A bad file yields one fatal problem; it never throws on bad input.
 */
export async function preflight(input: PreflightInput): Promise<PreflightResult> {
  const { entity, schema, fileName, onProgress } = input;
  const limits = { ...DEFAULT_LIMITS, ...input.limits };
  const log = new ProblemLog(input.maxProblemsPerCode ?? 1000);
  onProgress?.({ phase: 'read', done: 0, total: input.file.length });
  // Reading a big sheet takes a while too: it pauses like the row checks, so the page stays responsive and Cancel works.
  const pause = async () => {
    await yieldToPage();
    input.signal?.throwIfAborted();
  };
  const table = await readTable(input.file, fileName, limits, { pause });
  onProgress?.({ phase: 'read', done: input.file.length, total: input.file.length });

  if (isBadFile(table)) return fileRefused(entity, fileName, table);

  const unavailable = new Set(schema.unavailable ?? []);
  const resolved = resolveColumns(table.headers, entity, schema);
  for (const p of resolved.problems) {
    // Without the field list an unknown header proves nothing; one notice replaces them.
    if (unavailable.has('fields') && p.code === 'header-unknown') continue;
    log.add(p);
  }
  for (const part of unavailable)
    log.add(problem('check-skipped', null, null, {}, undefined, `preflight.skipped.${part}`));

  const ctx: RowContext = {
    entity,
    columns: resolved.columns,
    options: optionsFor(resolved.columns, schema),
    users: schema.users,
    pipelines: schema.pipelines,
    skip: new Set([...unavailable].filter((u): u is 'users' | 'pipelines' => u !== 'fields')),
    existing: schema.existing,
    seenRows: new Map(),
    seenPhones: new Map(),
    seenEmails: new Map(),
  };
  const total = table.rows.length;
  for (let i = 0; i < total; i++) {
    const r = table.rows[i]!;
    checkRow(ctx, r.row, r.cells, log);
    if ((i + 1) % PROGRESS_EVERY === 0) {
      onProgress?.({ phase: 'check', done: i + 1, total });
      // 100,000 rows take a while: give the browser its turn so the page stays responsive.
      await pause();
    }
  }
  onProgress?.({ phase: 'check', done: total, total });

  const summary = summarise(log, total);
  const problems = [...log.list].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    entity,
    fileName,
    fileKind: table.kind,
    encoding: table.encoding,
    fatal: null,
    columns: resolved.columns,
    summary,
    problems,
    truncated: log.truncated,
    exitCode: summary.errors > 0 ? 1 : 0,
  };
}
