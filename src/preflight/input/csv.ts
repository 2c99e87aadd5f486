import { decodeCp1251 } from './cp1251';

/** How a CSV file was decoded. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1251';

/** Decode CSV bytes: UTF-8 (BOM or not) when valid, Windows-1251 otherwise. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Invalid UTF-8 from a Russian Excel "CSV" is almost always Windows-1251.
    return { text: decodeCp1251(bytes), encoding: 'windows-1251' };
  }
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

/**
 * Parse CSV (RFC 4180: quoted fields with `""`, embedded delimiters and line breaks; CRLF,
 * LF or CR). Returns records with the 1-based line of the record's start. `stopAfter` caps
 * the records read (the caller refuses files over the row limit without parsing all of them).
 */
export function parseCsv(
  text: string,
  delimiter: string,
  stopAfter = Infinity,
): { records: { line: number; cells: string[] }[]; more: boolean } {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let fieldStarted = false;
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
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) push();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      end();
      line++;
      start = line;
      if (records.length > stopAfter) return { records, more: true };
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (field !== '' || cells.length || fieldStarted) end();
  return { records, more: false };
}
