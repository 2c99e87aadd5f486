import JSZip from 'jszip';
import type { TableCell } from '../types';
import { sizeProblem, type PreflightLimits } from '../limits';
import { readCentralDirectory, ZipFormatError } from './zip-directory';
import type { ZipEntryInfo } from './zip-directory';
import { readFirstSheet, NotAWorkbookError, CellOutOfRangeError } from './xlsx-read';
import { decodeText, detectDelimiter, parseCsv } from './csv';
import { isAbortError } from '../../api/errors';

/** A table read from a file: the header row and the data rows (XLSX rows are sparse: a missing cell is empty). */
export interface Table {
  kind: 'xlsx' | 'csv';
  encoding: string | null;
  headers: string[];
  headerRow: number;
  rows: { row: number; cells: TableCell[] }[];
}

/** Why a file could not be read as a table: a problem code, its parameters and, when known, the row. */
export interface BadFile {
  code: string;
  params: Record<string, string | number>;
  row?: number;
}

/** How a file is read: a pause between batches (yield to the page, throw when cancelled). */
export interface ReadOptions {
  pause?: () => Promise<void>;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MB = 1024 * 1024;

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

// An encrypted OOXML file is a CFB container with an "EncryptionInfo" stream; its name is UTF-16LE.
function hasEncryptionInfo(bytes: Uint8Array): boolean {
  const needle = Array.from('EncryptionInfo').flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

// Text files have no NULs and hardly any control bytes; PDFs, images and archives have many.
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > n * 0.02;
}

function cellText(c: TableCell | undefined): string {
  if (c === null || c === undefined) return '';
  return typeof c === 'string' ? c : String(c.value);
}

function toTable(
  kind: Table['kind'],
  encoding: string | null,
  rows: Table['rows'],
  limits: PreflightLimits,
  more: boolean,
): Table | BadFile {
  if (!rows.length) return { code: 'file-empty', params: {} };
  const [head, ...data] = rows;
  if (more || data.length > limits.maxRows) return { code: 'file-too-many-rows', params: { max: limits.maxRows } };
  // Array.from, not map: an XLSX header row is sparse and map would keep its holes.
  const headers = Array.from(head!.cells, cellText);
  while (headers.length && headers[headers.length - 1]!.trim() === '') headers.pop();
  if (!headers.length) return { code: 'file-empty', params: {} };
  if (!data.length) return { code: 'file-headers-only', params: {} };
  return { kind, encoding, headers, headerRow: head!.row, rows: data };
}

async function readXlsx(bytes: Uint8Array, limits: PreflightLimits, opts: ReadOptions): Promise<Table | BadFile> {
  let entries: ZipEntryInfo[];
  try {
    entries = readCentralDirectory(bytes);
  } catch (err) {
    if (err instanceof ZipFormatError) return { code: 'file-corrupt', params: {} };
    throw err;
  }
  if (entries.some((e) => e.encrypted)) return { code: 'file-encrypted', params: {} };
  // Zip-bomb guard on declared sizes, before anything is inflated.
  const total = entries.reduce((s, e) => s + e.uncompressed, 0);
  const ratioBomb = entries.some(
    (e) => e.uncompressed > limits.ratioFloor && e.uncompressed > limits.maxRatio * Math.max(1, e.compressed),
  );
  if (total > limits.maxUncompressed || ratioBomb) {
    return {
      code: 'file-zip-bomb',
      params: { size: Math.round(total / MB), max: Math.round(limits.maxUncompressed / MB) },
    };
  }
  if (entries.some((e) => e.method !== 0 && e.method !== 8)) return { code: 'file-corrupt', params: {} };
  if (!entries.some((e) => e.name.toLowerCase() === 'xl/workbook.xml'))
    return { code: 'file-not-spreadsheet', params: {} };
  try {
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    const sheet = await readFirstSheet(zip, { stopAfter: limits.maxRows + 1, pause: opts.pause });
    return toTable('xlsx', null, sheet.rows, limits, sheet.more);
  } catch (err) {
    if (isAbortError(err)) throw err;
    if (err instanceof NotAWorkbookError) return { code: 'file-not-spreadsheet', params: {} };
    if (err instanceof CellOutOfRangeError) return { code: 'file-cell-out-of-range', params: { cell: err.cell } };
    // Anything else (malformed XML, a bad CRC, a broken deflate stream) means the file is damaged.
    return { code: 'file-corrupt', params: {} };
  }
}

function readCsv(bytes: Uint8Array, limits: PreflightLimits): Table | BadFile {
  const decoded = decodeText(bytes);
  if ('mixed' in decoded) {
    const { utf8Line, otherLine } = decoded.mixed;
    return { code: 'file-mixed-encoding', params: { utf8Row: utf8Line, otherRow: otherLine }, row: otherLine };
  }
  const { text, encoding } = decoded;
  if (!text.trim()) return { code: 'file-empty', params: {} };
  const delimiter = detectDelimiter(text);
  const parsed = parseCsv(text, delimiter, limits.maxRows + 1);
  if (parsed.unclosedQuote) {
    const { line, column, lastLine } = parsed.unclosedQuote;
    return { code: 'file-quote-unclosed', params: { column, count: lastLine - line }, row: line };
  }
  if (parsed.strayQuote) {
    const { line, column, closeLine } = parsed.strayQuote;
    return { code: 'file-quote-stray', params: { column, closeRow: closeLine }, row: line };
  }
  const rows = parsed.records
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((r) => ({ row: r.line, cells: r.cells.map((c): TableCell => (c === '' ? null : c)) }));
  return toTable('csv', encoding, rows, limits, parsed.more);
}

/** Read the file as a table, or say in one problem code why it cannot be read. Never throws on bad input. */
export async function readTable(
  bytes: Uint8Array,
  fileName: string,
  limits: PreflightLimits,
  opts: ReadOptions = {},
): Promise<Table | BadFile> {
  const bySize = sizeProblem(bytes.length, limits);
  if (bySize) return bySize;
  if (startsWith(bytes, CFB_MAGIC)) {
    return { code: hasEncryptionInfo(bytes) ? 'file-encrypted' : 'file-legacy-xls', params: {} };
  }
  if (startsWith(bytes, [0x50, 0x4b])) return readXlsx(bytes, limits, opts);
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xlsx' || ext === 'xlsm') return { code: 'file-corrupt', params: {} };
  if (ext === 'xls') return { code: 'file-legacy-xls', params: {} };
  if (looksBinary(bytes)) return { code: 'file-not-spreadsheet', params: {} };
  return readCsv(bytes, limits);
}

/** Type guard for a bad-file answer. */
export function isBadFile(x: Table | BadFile): x is BadFile {
  return 'code' in x;
}
