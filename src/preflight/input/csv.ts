import { decodeCp1251 } from './cp1251';

/** How a CSV file was decoded. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1251';

/** A file whose lines are in two encodings: the first line of each (1-based). */
export interface MixedEncoding {
  mixed: { utf8Line: number; otherLine: number };
}

/**
 * First line holding a valid multi-byte UTF-8 sequence, and first line holding bytes that are
 * not UTF-8, in one pass. A Windows-1251 line of Russian text is never valid UTF-8 (two Cyrillic
 * letters in a row are two lead bytes), so a file with both kinds of lines was glued together from
 * two sources; decoded either way, part of it would turn into mojibake.
 */
export function encodingLines(bytes: Uint8Array, from = 0): { utf8Line: number; otherLine: number } {
  let line = 1;
  let utf8Line = 0;
  let otherLine = 0;
  let i = from;
  while (i < bytes.length && !(utf8Line && otherLine)) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      ok = c !== undefined && c >= 0x80 && c <= 0xbf;
    }
    // Overlong, surrogate and out-of-range forms (the second byte's range depends on the lead).
    const second = bytes[i + 1] ?? 0;
    if (ok && b === 0xe0 && second < 0xa0) ok = false;
    if (ok && b === 0xed && second > 0x9f) ok = false;
    if (ok && b === 0xf0 && second < 0x90) ok = false;
    if (ok && b === 0xf4 && second > 0x8f) ok = false;
    if (ok) {
      if (!utf8Line) utf8Line = line;
      i += need + 1;
    } else {
      if (!otherLine) otherLine = line;
      i++;
    }
  }
  return { utf8Line, otherLine };
}

/**
 * Decode CSV bytes: UTF-8 (BOM or not) when valid, Windows-1251 when no line is UTF-8; a file
 * mixing both is reported instead of being decoded wrongly in part.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } | MixedEncoding {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const { utf8Line, otherLine } = encodingLines(bytes, bom ? 3 : 0);
  // A BOM declares UTF-8: bytes that are not UTF-8 after it are a second encoding, not a cp1251 file.
  if (otherLine && (utf8Line || bom)) return { mixed: { utf8Line: utf8Line || 1, otherLine } };
  if (bom) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (!otherLine) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  // Invalid UTF-8 from a Russian Excel "CSV" is almost always Windows-1251.
  return { text: decodeCp1251(bytes), encoding: 'windows-1251' };
}

/** `;` (Russian Excel) or `,` or tab: the candidate seen most often in the first non-blank line outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  let content = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
      content = true;
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (content) break;
    } else if (!quoted && counts.has(ch)) {
      counts.set(ch, counts.get(ch)! + 1);
      content = true;
    } else if (ch.trim()) content = true;
  }
  let best = ',';
  let max = 0;
  for (const [d, n] of counts)
    if (n > max) {
      best = d;
      max = n;
    }
  return best;
}

/** Records read from CSV text, each with the 1-based line it starts on. */
export interface CsvRecords {
  records: { line: number; cells: string[] }[];
  /** More records exist than `stopAfter` allowed reading. */
  more: boolean;
  /** A quote opened at this line and column (1-based) is never closed: everything after it became one cell. */
  unclosedQuote?: { line: number; column: number; lastLine: number };
  /**
   * A quote opened here closes only on `closeLine`, and the cell it made holds what reads as whole records
   * (a line with as many delimiters as the header row has) or text runs on after the closing quote: two
   * stray quotes, not an address with a line break. Loading it would join those rows into one cell.
   */
  strayQuote?: { line: number; column: number; closeLine: number };
}

/**
 * Parse CSV (RFC 4180: quoted fields with `""`, embedded delimiters and line breaks; CRLF,
 * LF or CR). Returns records with the 1-based line of the record's start. `stopAfter` caps
 * the records read (the caller refuses files over the row limit without parsing all of them).
 */
export function parseCsv(text: string, delimiter: string, stopAfter = Infinity): CsvRecords {
  const records: CsvRecords['records'] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let fieldStarted = false;
  let quoteAt = { line: 0, column: 0 };
  let stray: CsvRecords['strayQuote'];
  // Where the last quoted cell closed and whether it spanned lines, to tell a stray pair from a multi-line cell.
  let closedAt = { line: 0, multiLine: false };
  const suspect = () => {
    stray ??= { ...quoteAt, closeLine: closedAt.line };
  };
  const push = () => {
    cells.push(field);
    field = '';
    fieldStarted = false;
  };
  const end = () => {
    push();
    records.push({ line: start, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          closedAt = { line, multiLine: line > quoteAt.line };
          if (closedAt.multiLine && holdsRecords(field, delimiter, records[0]?.cells.length ?? 0)) suspect();
        }
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted && field === '') {
      quoted = true;
      fieldStarted = true;
      quoteAt = { line, column: cells.length + 1 };
    } else if (ch === delimiter) push();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      end();
      line++;
      start = line;
      if (records.length > stopAfter) return { records, more: true };
    } else {
      // Text right after a quote that closed lines later: RFC 4180 allows only a delimiter or a line end there.
      if (closedAt.multiLine && closedAt.line === line && text[i - 1] === '"') suspect();
      field += ch;
      fieldStarted = true;
    }
  }
  // At the end of the text inside quotes: the quote swallowed the rest of the file; say where it opened.
  if (quoted) return { records, more: false, unclosedQuote: { ...quoteAt, lastLine: line } };
  if (field !== '' || cells.length || fieldStarted) end();
  return stray ? { records, more: false, strayQuote: stray } : { records, more: false };
}

/** Whether a quoted cell's inner lines look like records of their own (each delimiter a column of the header). */
function holdsRecords(cell: string, delimiter: string, columns: number): boolean {
  if (columns < 2) return false;
  return cell
    .split(/\r\n|\n|\r/)
    .slice(1)
    .some((inner) => inner.split(delimiter).length >= columns);
}
