import type JSZip from 'jszip';
import type { TableCell } from '../types';
import { attrs, elements, textOf, unescapeXml } from './xml-read';

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

/** True when a custom format code shows a date or time (d, m, y, h, s outside quotes, brackets and escapes). */
export function isDateFormat(code: string): boolean {
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

/** "BC12" → 54 (0-based column). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
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
  const xfs = [...elements(stylesXml, 'cellXfs')][0];
  if (!xfs) return out;
  let i = 0;
  for (const xf of elements(xfs.inner, 'xf')) {
    const id = Number(attrs(xf.attrs).numFmtId ?? 0);
    if (BUILTIN_DATE.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) out.add(i);
    i++;
  }
  return out;
}

/**
 * Read the first worksheet of an .xlsx (shared and inline strings, numbers, booleans,
 * cached formula results; dates as serial numbers flagged by their number format).
 */
export async function readFirstSheet(zip: JSZip, stopAfter: number): Promise<SheetRows> {
  const workbook = await read(zip, 'xl/workbook.xml');
  if (!workbook) throw new NotAWorkbookError('xl/workbook.xml missing');
  const first = [...elements(workbook, 'sheet')][0];
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
  const sstXml = await read(zip, 'xl/sharedStrings.xml');
  const shared = sstXml ? [...elements(sstXml, 'si')].map((si) => textOf(si.inner)) : [];
  const dates = dateStyles(await read(zip, 'xl/styles.xml'));

  const rows: SheetRows['rows'] = [];
  let nextRow = 1;
  for (const r of elements(sheet, 'row')) {
    const rowNo = Number(attrs(r.attrs).r) || nextRow;
    nextRow = rowNo + 1;
    const cells: TableCell[] = [];
    let nextCol = 0;
    for (const c of elements(r.inner, 'c')) {
      const a = attrs(c.attrs);
      const col = a.r ? columnIndex(a.r) : nextCol;
      nextCol = col + 1;
      const v = [...elements(c.inner, 'v')][0];
      const raw = v ? unescapeXml(v.inner) : '';
      let value: TableCell = null;
      switch (a.t) {
        case 's':
          value = shared[Number(raw)] ?? '';
          break;
        case 'inlineStr':
          value = textOf([...elements(c.inner, 'is')][0]?.inner ?? '');
          break;
        case 'str':
        case 'e':
          value = raw;
          break;
        case 'b':
          value = raw === '1' ? 'TRUE' : 'FALSE';
          break;
        default:
          if (raw !== '') {
            const n = Number(raw);
            value = Number.isFinite(n) ? { value: n, date: dates.has(Number(a.s ?? 0)) } : raw;
          }
      }
      if (value !== null && value !== '') cells[col] = value;
    }
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    if (cells.some((x) => x !== null)) rows.push({ row: rowNo, cells });
    if (rows.length > stopAfter) return { rows, more: true };
  }
  return { rows, more: false };
}
