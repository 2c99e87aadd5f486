import JSZip from 'jszip';
import type { SheetSpec } from './types';
import { SharedStrings } from './shared-strings';
import { sheetXml, filterRange, invalidCell } from './sheet';
import { stylesXml } from './styles';
import { cutText, escapeXml, quoteSheetName, safeSheetName, XML_HEADER, NS_MAIN, NS_REL } from './xml';

/** Fixed entry date: the same input must give the same bytes. */
const ZIP_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const REL_SHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

function uniqueNames(sheets: SheetSpec[]): string[] {
  const seen = new Set<string>();
  return sheets.map((s) => {
    const base = safeSheetName(s.name);
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${cutText(base, 28)} ${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Thrown when a sheet to write holds a value that is neither text, a number nor empty (malformed input). */
export class XlsxInputError extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
    readonly type: string,
  ) {
    super(`sheet “${sheet}”, cell ${cell}: a value of type ${type} is neither text nor a number`);
    this.name = 'XlsxInputError';
  }
}

/**
 * Write sheets as a minimal, deterministic .xlsx: shared strings, one bold header style,
 * frozen header panes, widths, autofilters and list validations. No formulas, no docProps
 * (they would carry a timestamp).
 */
export async function writeWorkbook(input: SheetSpec[]): Promise<Uint8Array> {
  // Checked before anything is written: a malformed value names its sheet and cell instead of a TypeError deep inside.
  for (const s of input) {
    const bad = invalidCell(s);
    if (bad) throw new XlsxInputError(String(s.name), bad.ref, bad.type);
  }
  const names = uniqueNames(input);
  // Validations refer to sheets by their given names; map them to the written (sanitised) ones.
  const rename = new Map(input.map((s, i) => [s.name, names[i]!]));
  const sheets = input.map((s, i) => ({
    ...s,
    name: names[i]!,
    validations: s.validations?.map((v) => ({
      ...v,
      source: { ...v.source, sheet: rename.get(v.source.sheet) ?? v.source.sheet },
    })),
  }));
  const firstVisible = Math.max(
    0,
    sheets.findIndex((s) => !s.hidden),
  );
  const sst = new SharedStrings();
  const sheetFiles = sheets.map((s, i) => sheetXml(s, sst, i === firstVisible));

  const contentTypes =
    `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT_SHEET}"/>`).join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '</Types>';

  const rootRels =
    `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '</Relationships>';

  const n = sheets.length;
  const workbookRels =
    `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_SHEET}" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('') +
    `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>';

  // Excel expects the hidden _FilterDatabase name beside every sheet-level autofilter.
  const defined = sheets.flatMap((s, i) => {
    const range = filterRange(s);
    if (!range) return [];
    const abs = range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    return [
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(quoteSheetName(s.name))}!${abs}</definedName>`,
    ];
  });

  const workbook =
    `${XML_HEADER}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<bookViews><workbookView activeTab="${firstVisible}"/></bookViews><sheets>` +
    sheets
      .map(
        (s, i) =>
          `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
      )
      .join('') +
    '</sheets>' +
    (defined.length ? `<definedNames>${defined.join('')}</definedNames>` : '') +
    '</workbook>';

  const zip = new JSZip();
  const opts = { date: ZIP_DATE, createFolders: false };
  zip.file('[Content_Types].xml', contentTypes, opts);
  zip.file('_rels/.rels', rootRels, opts);
  zip.file('xl/workbook.xml', workbook, opts);
  zip.file('xl/_rels/workbook.xml.rels', workbookRels, opts);
  sheetFiles.forEach((xml, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, xml, opts));
  zip.file('xl/styles.xml', stylesXml(), opts);
  zip.file('xl/sharedStrings.xml', sst.toXml(), opts);
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}
