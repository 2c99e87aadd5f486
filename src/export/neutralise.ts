import { terminalSafe } from './terminal-safe';

/**
 * Spreadsheet-formula injection guard. A value that starts with one of these characters is
 * read as a formula by Excel, LibreOffice and Google Sheets when opened from CSV or pasted
 * from Markdown, so exports prefix it with an apostrophe (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet could treat the text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text made inert for CSV/Markdown: formula-like values get a leading `'`. */
export function neutralise(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** One CSV field: neutralised, quoted when it holds the delimiter, a quote or a line break. */
export function csvField(value: string | number | null | undefined, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = neutralise(value);
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One Markdown table cell: neutralised, pipes escaped, line breaks as <br>, control characters shown visibly. */
export function markdownCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return terminalSafe(neutralise(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>'));
}
