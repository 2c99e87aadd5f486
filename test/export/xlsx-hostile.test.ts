import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { writeWorkbook, XlsxInputError } from '../../src/export/xlsx/workbook';
import { cutText, MAX_CELL_TEXT } from '../../src/export/xlsx/xml';
import { buildConfigurationDocument } from '../../src/export/document';
import type { SheetSpec } from '../../src/export/xlsx/types';
import { makeReport, makeSnapshot, tEn } from './fixtures';

const strict = new TextDecoder('utf-8', { fatal: true });

/** Every XML part of the workbook, decoded strictly: throws on invalid UTF-8. */
async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const f of Object.values(zip.files)) if (!f.dir) out[f.name] = strict.decode(await f.async('uint8array'));
  return out;
}

const sheet = (header: string, cells: string[]): SheetSpec => ({
  name: 'S',
  columns: [{ header, width: 10 }],
  rows: cells.map((c) => [c]),
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('text the sheet XML cannot carry', () => {
  it.each([
    ['a lone high surrogate', 'Партнёры \uD83D конец', 'Партнёры  конец'],
    ['a lone low surrogate', 'Партнёры \uDE00 конец', 'Партнёры  конец'],
    ['a reversed pair', '\uDE00\uD83D', ''],
    ['a whole emoji stays', 'Партнёры 🤝🏽 👩‍👩‍👧', 'Партнёры 🤝🏽 👩‍👩‍👧'],
  ])('%s: every part stays valid UTF-8', async (_, name, written) => {
    const bytes = await writeWorkbook([{ ...sheet(name, [name]), name: `Лист ${name}` }]);
    const xml = await parts(bytes);
    expect(xml['xl/sharedStrings.xml']).not.toContain('\uFFFD');
    expect(xml['xl/sharedStrings.xml']).not.toMatch(LONE_SURROGATE);
    expect(xml['xl/workbook.xml']).not.toMatch(LONE_SURROGATE);
    if (written) expect(xml['xl/sharedStrings.xml']).toContain(`<t>${written}</t>`);
  });

  it('the 32,767-character cut never splits a surrogate pair', async () => {
    const text = `${'a'.repeat(MAX_CELL_TEXT - 1)}😀tail`; // the emoji's first half is the 32,767th unit
    expect(cutText(text, MAX_CELL_TEXT)).toBe('a'.repeat(MAX_CELL_TEXT - 1));
    expect(cutText(`${'a'.repeat(MAX_CELL_TEXT - 2)}😀tail`, MAX_CELL_TEXT)).toBe(`${'a'.repeat(MAX_CELL_TEXT - 2)}😀`);
    const xml = await parts(await writeWorkbook([sheet('H', [text])]));
    const cell = /<si><t>(a+)<\/t><\/si>/.exec(xml['xl/sharedStrings.xml']!)?.[1];
    expect(cell).toHaveLength(MAX_CELL_TEXT - 1);
  });

  it('a sheet name cut at 31 characters keeps its emoji whole', async () => {
    const xml = await parts(await writeWorkbook([{ ...sheet('H', ['x']), name: `${'я'.repeat(30)}😀` }]));
    expect(xml['xl/workbook.xml']).toContain(`<sheet name="${'я'.repeat(30)}"`);
  });
});

describe('formula-looking headers', () => {
  it('get quotePrefix like data cells, and stay bold', async () => {
    const bytes = await writeWorkbook([sheet('=HYPERLINK("http://x","y")', ['=1+1', 'plain'])]);
    const xml = await parts(bytes);
    const header = /<row r="1"><c r="A1" s="(\d+)"/.exec(xml['xl/worksheets/sheet1.xml']!)?.[1];
    const data = /<c r="A2" s="(\d+)"/.exec(xml['xl/worksheets/sheet1.xml']!)?.[1];
    const xfs = [...xml['xl/styles.xml']!.matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)].map((m) => m[0]).slice(1); // skip cellStyleXfs
    expect(xfs[Number(header)]).toContain('quotePrefix="1"');
    expect(xfs[Number(header)]).toContain('fontId="1"');
    expect(xfs[Number(data)]).toContain('quotePrefix="1"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('=HYPERLINK("http://x","y")'); // text, not a formula
  });
});

describe('a malformed snapshot given to the XLSX export', () => {
  it('the writer names the sheet, cell and type instead of a TypeError', async () => {
    const bad = { name: 'Поля', columns: [{ header: 'Имя', width: 10 }], rows: [['a'], [{ x: 1 }]] };
    const err = await writeWorkbook([bad as unknown as SheetSpec]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxInputError);
    expect((err as Error).message).toBe('sheet “Поля”, cell A3: a value of type object is neither text nor a number');
  });

  it.each([
    [
      'a field name that is an object',
      (s: any) => {
        s.parts.leadFields.data[0].name = { a: 1 };
      },
    ],
    [
      'a field name that is a boolean',
      (s: any) => {
        s.parts.leadFields.data[0].name = true;
      },
    ],
    [
      'pipelines without statuses',
      (s: any) => {
        delete s.parts.pipelines.data[0]._embedded;
      },
    ],
  ])('%s: the document is written, the sheet says the data is malformed', async (_, mutate) => {
    const snapshot = JSON.parse(JSON.stringify(makeSnapshot()));
    mutate(snapshot);
    const bytes = await buildConfigurationDocument({ report: makeReport(), snapshot, lang: 'en', t: tEn });
    const all = Object.values(await parts(bytes)).join('\n');
    expect(all).toContain('not shaped the way amoCRM returns it');
  });
});
