import type JSZip from 'jszip';
import type { TableCell } from '../types';
import { attrs, elements, firstElement, textOf, unescapeXml } from './xml-read';

/** Rows of the first sheet: 1-based row numbers and cells by 0-based column. */
export interface SheetRows {
  rows: { row: number; cells: TableCell[] }[];
  /** More rows exist than `stopAfter` allowed reading. */
  more: boolean;
}

/** Thrown when the archive is a zip but not a workbook. */
export class NotAWorkbookError extends Error {}

// Built-in number formats that are dates or times (ECMA-376 §18.8.30 and locale variants).
const BUILTIN_DATE = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

const MAX_FORMAT_CODE = 255;

/** True when a custom format code shows a date or time (d, m, y, h, s outside quotes, brackets and escapes). */
export function isDateFormat(code: string): boolean {
  // Excel keeps a format code to 255 characters; a longer one is not Excel's, and is not worth scanning.
  if (code.length > MAX_FORMAT_CODE) return false;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function file(zip: JSZip, path: string): JSZip.JSZipObject | null {
  return zip.file(path) ?? zip.file(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i'))[0] ?? null;
}

async function read(zip: JSZip, path: string): Promise<string | null> {
  const f = file(zip, path);
  return f ? f.async('string') : null;
}

/** Excel's sheet size (ECMA-376 §18.3.1.73, Excel's specifications): columns A…XFD, rows 1…1,048,576. */
export const MAX_COLUMNS = 16_384;
export const MAX_SHEET_ROWS = 1_048_576;

/** Thrown when a cell or row lies outside Excel's sheet: reading on would allocate for nothing. */
export class CellOutOfRangeError extends Error {
  constructor(readonly cell: string) {
    super(`cell ${cell} is outside the sheet`);
  }
}

/** "BC12" → 54 (0-based column); -1 when the reference has no column letters; refuses columns past XFD. */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
    // Checked letter by letter, so "ZZZZZZZZZZZZ1" stops at the fourth letter instead of growing a huge number.
    if (n > MAX_COLUMNS) throw new CellOutOfRangeError(ref.slice(0, 24));
  }
  return n - 1;
}

/** Which cell style ids (`s`) carry a date format. */
function dateStyles(stylesXml: string | null): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const custom = new Map<number, string>();
  for (const f of elements(stylesXml, 'numFmt')) {
    const a = attrs(f.attrs);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = firstElement(stylesXml, 'cellXfs');
  if (!xfs) return out;
  let i = 0;
  for (const xf of elements(xfs.inner, 'xf')) {
    const id = Number(attrs(xf.attrs).numFmtId ?? 0);
    if (BUILTIN_DATE.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) out.add(i);
    i++;
  }
  return out;
}

/** How the sheet is read: how many rows at most, and a pause the caller may use to yield and cancel. */
export interface SheetReadOptions {
  stopAfter: number;
  /** Called every `PAUSE_EVERY` rows (and shared strings): yields to the page, throws when cancelled. */
  pause?: () => Promise<void>;
}

/** Rows (or shared strings) read between two pauses. */
export const PAUSE_EVERY = 1000;

function cellValue(a: Record<string, string>, inner: string, shared: string[], dates: Set<number>): TableCell {
  const v = firstElement(inner, 'v');
  const raw = v ? unescapeXml(v.inner) : '';
  switch (a.t) {
    case 's':
      return shared[Number(raw)] ?? '';
    case 'inlineStr':
      return textOf(firstElement(inner, 'is')?.inner ?? '');
    case 'str':
    case 'e':
      return raw;
    case 'b':
      return raw === '1' ? 'TRUE' : 'FALSE';
    default: {
      if (raw === '') return null;
      const n = Number(raw);
      return Number.isFinite(n) ? { value: n, date: dates.has(Number(a.s ?? 0)) } : raw;
    }
  }
}

/**
 * Read the first worksheet of an .xlsx (shared and inline strings, numbers, booleans,
 * cached formula results; dates as serial numbers flagged by their number format).
 * Rows keep their cells sparse: a lone cell in column XFD costs one entry, not 16,384.
 */
export async function readFirstSheet(zip: JSZip, opts: SheetReadOptions): Promise<SheetRows> {
  const workbook = await read(zip, 'xl/workbook.xml');
  if (!workbook) throw new NotAWorkbookError('xl/workbook.xml missing');
  const first = firstElement(workbook, 'sheet');
  if (!first) throw new NotAWorkbookError('no sheets');
  const rid = attrs(first.attrs)['r:id'] ?? attrs(first.attrs).id;
  const rels = (await read(zip, 'xl/_rels/workbook.xml.rels')) ?? '';
  let sheetPath = 'xl/worksheets/sheet1.xml';
  for (const rel of elements(rels, 'Relationship')) {
    const a = attrs(rel.attrs);
    if (a.Id === rid && a.Target) sheetPath = resolve('xl/workbook.xml', a.Target);
  }
  const sheet = await read(zip, sheetPath);
  if (sheet === null) throw new NotAWorkbookError(`${sheetPath} missing`);
  const shared = await sharedStrings(zip, opts);
  const dates = dateStyles(await read(zip, 'xl/styles.xml'));
  return sheetRows(sheet, shared, dates, opts);
}

/** The workbook's shared strings, pausing as it goes. */
async function sharedStrings(zip: JSZip, opts: SheetReadOptions): Promise<string[]> {
  const sstXml = await read(zip, 'xl/sharedStrings.xml');
  const shared: string[] = [];
  if (sstXml) {
    for (const si of elements(sstXml, 'si')) {
      shared.push(textOf(si.inner));
      if (shared.length % PAUSE_EVERY === 0) await opts.pause?.();
    }
  }
  return shared;
}

/** Rows of one worksheet's XML, given the workbook's shared strings and date styles. */
async function sheetRows(
  sheet: string,
  shared: string[],
  dates: Set<number>,
  opts: SheetReadOptions,
): Promise<SheetRows> {
  const rows: SheetRows['rows'] = [];
  let nextRow = 1;
  let seen = 0;
  for (const r of elements(sheet, 'row')) {
    const declared = Number(attrs(r.attrs).r);
    const rowNo = Number.isInteger(declared) && declared > 0 ? declared : nextRow;
    if (rowNo > MAX_SHEET_ROWS) throw new CellOutOfRangeError(`row ${rowNo}`);
    nextRow = rowNo + 1;
    const cells: TableCell[] = [];
    let nextCol = 0;
    let any = false;
    for (const c of elements(r.inner, 'c')) {
      const a = attrs(c.attrs);
      const letters = a.r ? columnIndex(a.r) : -1;
      const col = letters >= 0 ? letters : nextCol;
      if (col >= MAX_COLUMNS) throw new CellOutOfRangeError(a.r ?? `row ${rowNo}`);
      nextCol = col + 1;
      const value = cellValue(a, c.inner, shared, dates);
      if (value !== null && value !== '') {
        cells[col] = value;
        any = true;
      }
    }
    if (any) rows.push({ row: rowNo, cells });
    if (rows.length > opts.stopAfter) return { rows, more: true };
    if (++seen % PAUSE_EVERY === 0) await opts.pause?.();
  }
  return { rows, more: false };
}

/** One worksheet of a workbook with its name as the tab shows it. */
export interface NamedSheet extends SheetRows {
  name: string;
}

/**
 * Read every worksheet of an .xlsx in tab order (the configuration document is read as a whole; the
 * pre-flight reads only the first sheet). Cells as `readFirstSheet` reads them.
 */
export async function readAllSheets(zip: JSZip, opts: SheetReadOptions): Promise<NamedSheet[]> {
  const workbook = await read(zip, 'xl/workbook.xml');
  if (!workbook) throw new NotAWorkbookError('xl/workbook.xml missing');
  const rels = (await read(zip, 'xl/_rels/workbook.xml.rels')) ?? '';
  const targets = new Map<string, string>();
  for (const rel of elements(rels, 'Relationship')) {
    const a = attrs(rel.attrs);
    if (a.Id && a.Target) targets.set(a.Id, resolve('xl/workbook.xml', a.Target));
  }
  const shared = await sharedStrings(zip, opts);
  const dates = dateStyles(await read(zip, 'xl/styles.xml'));
  const out: NamedSheet[] = [];
  let n = 0;
  for (const el of elements(workbook, 'sheet')) {
    n++;
    const a = attrs(el.attrs);
    const path = targets.get(a['r:id'] ?? a.id ?? '') ?? `xl/worksheets/sheet${n}.xml`;
    const xml = await read(zip, path);
    if (xml === null) throw new NotAWorkbookError(`${path} missing`);
    out.push({ name: a.name ?? '', ...(await sheetRows(xml, shared, dates, opts)) });
  }
  if (!out.length) throw new NotAWorkbookError('no sheets');
  return out;
}
