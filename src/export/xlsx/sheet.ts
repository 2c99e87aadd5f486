import type { SheetSpec, CellValue, ListValidation } from './types';
import type { SharedStrings } from './shared-strings';
import { STYLE } from './styles';
import { cellRef, columnName, escapeXml, quoteSheetName, XML_HEADER, NS_MAIN, NS_REL } from './xml';
import { looksLikeFormula } from '../neutralise';

function cellXml(
  value: CellValue,
  col: number,
  row: number,
  wrap: boolean,
  header: boolean,
  sst: SharedStrings,
): string {
  if (value === null || value === '') return '';
  const ref = cellRef(col, row);
  if (typeof value === 'number') {
    // NaN/Infinity have no SpreadsheetML form; they are written as their text.
    if (!Number.isFinite(value)) return cellXml(String(value), col, row, wrap, header, sst);
    const style = wrap ? ` s="${STYLE.wrap}"` : '';
    return `<c r="${ref}"${style}><v>${value}</v></c>`;
  }
  let style: number = header ? STYLE.header : wrap ? STYLE.wrap : STYLE.normal;
  // A header is account data too (a field named "=HYPERLINK(…)"): it gets quotePrefix like any cell.
  if (looksLikeFormula(value)) style = header ? STYLE.quotedHeader : wrap ? STYLE.quotedWrap : STYLE.quoted;
  const s = style ? ` s="${style}"` : '';
  return `<c r="${ref}"${s} t="s"><v>${sst.add(value)}</v></c>`;
}

function validationXml(v: ListValidation): string {
  const sqref = `${cellRef(v.fromCol, v.fromRow)}:${cellRef(v.toCol, v.toRow)}`;
  const col = columnName(v.source.col);
  const first = v.source.firstRow ?? 1;
  const last = first + Math.max(1, v.source.count) - 1;
  const errorStyle = v.strict ? '' : ' errorStyle="warning"';
  return (
    `<dataValidation type="list"${errorStyle} allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${sqref}">` +
    `<formula1>${escapeXml(quoteSheetName(v.source.sheet))}!$${col}$${first}:$${col}$${last}</formula1></dataValidation>`
  );
}

/** The first cell (or header) that is neither text, a finite or non-finite number nor empty, with its type; null when all are. */
export function invalidCell(spec: SheetSpec): { ref: string; type: string } | null {
  const ok = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'number';
  const hasHeader = spec.columns.length > 0;
  for (let c = 0; c < spec.columns.length; c++) {
    const header: unknown = spec.columns[c]?.header;
    if (typeof header !== 'string') return { ref: cellRef(c, 1), type: typeOf(header) };
  }
  for (let r = 0; r < spec.rows.length; r++) {
    const row: unknown = spec.rows[r];
    if (!Array.isArray(row)) return { ref: `${hasHeader ? r + 2 : r + 1}`, type: typeOf(row) };
    for (let c = 0; c < row.length; c++)
      if (!ok(row[c])) return { ref: cellRef(c, r + (hasHeader ? 2 : 1)), type: typeOf(row[c]) };
  }
  return null;
}

function typeOf(v: unknown): string {
  return v === undefined ? 'undefined' : Array.isArray(v) ? 'array' : typeof v;
}

/** Number of columns the sheet spans (header or widest row). */
export function sheetWidth(spec: SheetSpec): number {
  return spec.rows.reduce((w, r) => Math.max(w, r.length), spec.columns.length);
}

/** The range of the autofilter (header row to last row), or null when the sheet has no header. */
export function filterRange(spec: SheetSpec): string | null {
  if (!spec.columns.length || spec.autoFilter === false) return null;
  return `${cellRef(0, 1)}:${cellRef(spec.columns.length - 1, spec.rows.length + 1)}`;
}

/** worksheet XML for one sheet; strings go to the shared table. */
export function sheetXml(spec: SheetSpec, sst: SharedStrings, selected: boolean): string {
  const hasHeader = spec.columns.length > 0;
  const freeze = hasHeader && spec.freezeHeader !== false;
  const width = sheetWidth(spec);
  const lastRow = spec.rows.length + (hasHeader ? 1 : 0);
  const dim = width && lastRow ? `A1:${cellRef(width - 1, lastRow)}` : 'A1';

  const view = freeze
    ? `<sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'
    : `<sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}/>`;

  const cols = spec.columns.length
    ? `<cols>${spec.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>`
    : '';

  const rows: string[] = [];
  let r = 1;
  if (hasHeader) {
    rows.push(`<row r="1">${spec.columns.map((c, i) => cellXml(c.header, i, 1, false, true, sst)).join('')}</row>`);
    r = 2;
  }
  for (const values of spec.rows) {
    const cells = values.map((v, i) => cellXml(v, i, r, !!spec.columns[i]?.wrap, false, sst)).join('');
    rows.push(cells ? `<row r="${r}">${cells}</row>` : `<row r="${r}"/>`);
    r++;
  }

  const filter = filterRange(spec);
  const validations = spec.validations?.length
    ? `<dataValidations count="${spec.validations.length}">${spec.validations.map(validationXml).join('')}</dataValidations>`
    : '';

  return (
    `${XML_HEADER}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="${dim}"/><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}` +
    `<sheetData>${rows.join('')}</sheetData>` +
    (filter ? `<autoFilter ref="${filter}"/>` : '') +
    validations +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}
