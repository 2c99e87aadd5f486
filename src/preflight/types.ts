import type { CustomFieldDto, PipelineDto, UserDto } from '../api/dto';
import type { Message } from '../audit/types';

/** Entities amoCRM imports from a spreadsheet that the pre-flight checks. */
export type ImportEntity = 'contacts' | 'companies' | 'leads';

/** A cell as read: empty, text, or a number (an Excel date serial when its format is a date). */
export type TableCell = null | string | { value: number; date: boolean };

/** The live schema the file is checked against. */
export interface PreflightSchema {
  /** Custom fields of the entity being imported. */
  fields: CustomFieldDto[];
  users: UserDto[];
  pipelines: PipelineDto[];
  /** Normalised phones and emails of existing contacts (see existingContacts). */
  existing?: { phones: Set<string>; emails: Set<string> };
  /** Parts that could not be loaded; checks that need them are skipped and say so. */
  unavailable?: ('fields' | 'users' | 'pipelines')[];
}

/** Severity of a problem: errors make the import fail or lose data; warnings deserve a look. */
export type ProblemSeverity = 'error' | 'warning';

/** One problem found: a whole-file one (row null), a column one (row null, column set) or a cell one. */
export interface Problem {
  code: string;
  severity: ProblemSeverity;
  /** 1-based row in the file (the header is row 1), null for file- and column-level problems. */
  row: number | null;
  /** The header of the column, as written in the file. */
  column: string | null;
  message: Message;
  /** What the value or header most likely should be. */
  suggestion?: string;
}

/** Progress of reading and checking. */
export interface PreflightProgress {
  phase: 'read' | 'check';
  done: number;
  total: number;
}

/** How a header was understood. */
export interface ColumnInfo {
  index: number;
  header: string;
  status: 'field' | 'system' | 'near-miss' | 'unknown' | 'empty' | 'duplicate';
  /** The field or system column the values are checked as (for a near miss: the suggested one). */
  target: string | null;
  kind: ColumnKind;
}

/** What a column's values are checked as. */
export type ColumnKind =
  | 'text'
  | 'number'
  | 'date'
  | 'owner'
  | 'phone'
  | 'email'
  | 'pipeline'
  | 'stage'
  | 'list'
  | 'multilist'
  | 'ignore';

/** Counts per problem code. */
export interface ProblemCount {
  code: string;
  severity: ProblemSeverity;
  count: number;
}

/** Everything the pre-flight found. */
export interface PreflightResult {
  entity: ImportEntity;
  fileName: string;
  fileKind: 'xlsx' | 'csv' | null;
  encoding: string | null;
  /** A problem that stopped reading the file (bad file); null when the file was read. */
  fatal: Problem | null;
  columns: ColumnInfo[];
  summary: { rows: number; errors: number; warnings: number; byCode: ProblemCount[] };
  /** Row-level report, capped per code (summary counts stay exact). */
  problems: Problem[];
  truncated: boolean;
  /** 1 when there is any error (or the file could not be read), else 0. */
  exitCode: 0 | 1;
}
