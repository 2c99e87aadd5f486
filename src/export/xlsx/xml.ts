/** XML helpers shared by the SpreadsheetML parts. */

/** Excel's hard limit for the text of one cell. */
export const MAX_CELL_TEXT = 32767;

// Characters XML 1.0 cannot carry at all; removed rather than encoded (they carry no meaning here). A lone
// surrogate (half of an emoji, cut by some other program) has no UTF-8 form either: written as is, it would
// make the part invalid UTF-8 and Excel refuse the whole file.
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without what XML cannot carry (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, '');
}

/** At most `max` UTF-16 units, never ending on the first half of a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** Escape text for element content or an attribute value. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** A1-style reference for a 0-based column and a 1-based row. */
export function cellRef(col: number, row: number): string {
  return `${columnName(col)}${row}`;
}

/** A sheet name quoted for use inside a reference: 'My sheet'!$A$1. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Excel forbids these characters in sheet names and limits names to 31 characters. */
export function safeSheetName(name: string): string {
  const cleaned = cutText(
    xmlSafe(name)
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim(),
    31,
  );
  return cleaned || 'Sheet';
}

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
