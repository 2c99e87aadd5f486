/** Why a document could not be read: where (sheet, row, column — or a JSON path) and what, as an i18n message. */
import type { Message } from '../audit/types';

/** One refused place of a document. */
export interface DocumentProblem {
  /** The sheet's tab name (XLSX). */
  sheet?: string;
  /** 1-based row as the spreadsheet numbers it. */
  row?: number;
  /** The column's header text (or its letter when the header is missing). */
  column?: string;
  /** JSON path (`pipelines[2].stages[0]`). */
  path?: string;
  message: Message;
}

/** A read document or every problem found in it (reading goes on past the first one). */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; problems: DocumentProblem[] };
