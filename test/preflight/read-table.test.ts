import { describe, it, expect } from 'vitest';
import JSZip from 'jszip';
import { readTable, isBadFile, type Table } from '../../src/preflight/input/read-table';
import { DEFAULT_LIMITS } from '../../src/preflight/limits';
import { decodeCp1251, encodeCp1251 } from '../../src/preflight/input/cp1251';
import { readCentralDirectory } from '../../src/preflight/input/zip-directory';
import { writeWorkbook } from '../../src/export/xlsx/workbook';
import { preflight } from '../../src/preflight/preflight';
import { csv, inlineXlsx, contactSchema } from './fixtures';

async function read(bytes: Uint8Array, name = 'import.xlsx') {
  return readTable(bytes, name, DEFAULT_LIMITS);
}
async function code(bytes: Uint8Array, name = 'import.xlsx') {
  const r = await read(bytes, name);
  return isBadFile(r) ? r.code : 'ok';
}
async function table(bytes: Uint8Array, name = 'import.csv'): Promise<Table> {
  const r = await read(bytes, name);
  if (isBadFile(r)) throw new Error(r.code);
  return r;
}

function cfb(withEncryption: boolean): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = withEncryption ? 'EncryptionInfo' : 'Workbook';
  Array.from(name).forEach((c, i) => {
    bytes[1024 + i * 2] = c.charCodeAt(0);
  });
  return bytes;
}

/** Patch every central-directory entry (sizes or flags) of a zip. */
function patchCentral(bytes: Uint8Array, patch: (view: DataView, at: number) => void): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let i = 0; i + 4 <= copy.length; i++) if (view.getUint32(i, true) === 0x02014b50) patch(view, i);
  return copy;
}

describe('bad files get one clear code each', () => {
  it.each([
    ['empty', new Uint8Array(0), 'import.csv', 'file-empty'],
    ['blank text', new TextEncoder().encode('  \r\n ; \n'), 'import.csv', 'file-empty'],
    [
      'binary (PNG)',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'photo.png',
      'file-not-spreadsheet',
    ],
    ['encrypted xlsx (CFB + EncryptionInfo)', cfb(true), 'import.xlsx', 'file-encrypted'],
    ['legacy .xls (CFB)', cfb(false), 'import.xls', 'file-legacy-xls'],
    ['truncated zip', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), 'import.xlsx', 'file-corrupt'],
    ['text named .xlsx', new TextEncoder().encode('Имя;Телефон\nА;1'), 'import.xlsx', 'file-corrupt'],
  ])('%s', async (_, bytes, name, expected) => {
    expect(await code(bytes, name)).toBe(expected);
  });

  it('a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    expect(await code(await zip.generateAsync({ type: 'uint8array' }))).toBe('file-not-spreadsheet');
  });

  it('headers only, in xlsx and csv', async () => {
    const x = await writeWorkbook([{ name: 'S', columns: [{ header: 'Имя', width: 10 }], rows: [] }]);
    expect(await code(x)).toBe('file-headers-only');
    expect(await code(csv([['Имя', 'Телефон']]), 'a.csv')).toBe('file-headers-only');
  });

  it('over 20 MB is refused before reading', async () => {
    expect(await code(new Uint8Array(DEFAULT_LIMITS.maxBytes + 1), 'big.csv')).toBe('file-too-large');
  });

  it('over 100,000 rows is refused (csv and xlsx)', async () => {
    const text = `Имя\n${'a\n'.repeat(DEFAULT_LIMITS.maxRows + 1)}`;
    expect(await code(new TextEncoder().encode(text), 'big.csv')).toBe('file-too-many-rows');
    expect(await code(new TextEncoder().encode(`Имя\n${'a\n'.repeat(DEFAULT_LIMITS.maxRows)}`), 'ok.csv')).toBe('ok');
    const limits = { ...DEFAULT_LIMITS, maxRows: 3 };
    const x = await writeWorkbook([
      { name: 'S', columns: [{ header: 'Имя', width: 10 }], rows: [['a'], ['b'], ['c'], ['d']] },
    ]);
    const r = await readTable(x, 'x.xlsx', limits);
    expect(isBadFile(r) && r.code).toBe('file-too-many-rows');
  });

  it('zip bomb by declared sizes is refused before inflating', async () => {
    const x = await writeWorkbook([{ name: 'S', columns: [{ header: 'Имя', width: 10 }], rows: [['a']] }]);
    const bomb = patchCentral(x, (v, at) => v.setUint32(at + 24, 0x7fffffff, true));
    const entries = readCentralDirectory(bomb);
    expect(entries.every((e) => e.uncompressed === 0x7fffffff)).toBe(true);
    expect(await code(bomb)).toBe('file-zip-bomb');
  });

  it('zip bomb by compression ratio is refused', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(3 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(await code(bytes)).toBe('file-zip-bomb');
  });

  it('a password-protected (encrypted-entry) zip', async () => {
    const x = await writeWorkbook([{ name: 'S', columns: [{ header: 'Имя', width: 10 }], rows: [['a']] }]);
    expect(await code(patchCentral(x, (v, at) => v.setUint16(at + 8, v.getUint16(at + 8, true) | 1, true)))).toBe(
      'file-encrypted',
    );
  });

  it('the pre-flight turns each into one fatal problem with exit code 1 and never throws', async () => {
    const r = await preflight({
      file: cfb(true),
      fileName: 'secret.xlsx',
      entity: 'contacts',
      schema: contactSchema(),
    });
    expect(r.fatal).toMatchObject({
      code: 'file-encrypted',
      severity: 'error',
      message: { key: 'preflight.problem.file-encrypted', params: { file: 'secret.xlsx' } },
    });
    expect(r.problems).toHaveLength(1);
    expect(r.exitCode).toBe(1);
    expect(r.summary).toMatchObject({ rows: 0, errors: 1, warnings: 0 });
  });
});

describe('CSV reading', () => {
  it('UTF-8 with BOM, ; delimiter, quoted fields with embedded newlines and quotes', async () => {
    const body =
      '\uFEFFИмя;Примечание;Телефон\r\n"Иван";"строка 1\nстрока 2; ещё";+7 999 000-11-22\r\n"Пётр ""Большой""";;\r\n';
    const t = await table(new TextEncoder().encode(body));
    expect(t.encoding).toBe('utf-8-bom');
    expect(t.headers).toEqual(['Имя', 'Примечание', 'Телефон']);
    expect(t.rows[0]).toEqual({ row: 2, cells: ['Иван', 'строка 1\nстрока 2; ещё', '+7 999 000-11-22'] });
    expect(t.rows[1]).toEqual({ row: 4, cells: ['Пётр "Большой"', null, null] });
  });

  it('comma delimiter without BOM', async () => {
    const t = await table(new TextEncoder().encode('Name,Email\nAnn,"a,b@x.ru"\n'));
    expect(t.encoding).toBe('utf-8');
    expect(t.rows[0]!.cells).toEqual(['Ann', 'a,b@x.ru']);
  });

  it('Windows-1251 is detected when the bytes are not valid UTF-8', async () => {
    const t = await table(encodeCp1251('Имя;Должность\nЁлкина Светлана;Директор №1\n'));
    expect(t.encoding).toBe('windows-1251');
    expect(t.headers).toEqual(['Имя', 'Должность']);
    expect(t.rows[0]!.cells).toEqual(['Ёлкина Светлана', 'Директор №1']);
  });

  it('the cp1251 table agrees with the platform decoder', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i).filter((b) => b !== 0x98);
    expect(decodeCp1251(all)).toBe(new TextDecoder('windows-1251').decode(all));
  });
});

describe('XLSX reading', () => {
  it('reads shared strings, numbers and the first sheet written by our writer', async () => {
    const x = await writeWorkbook([
      {
        name: 'First',
        columns: [
          { header: 'Имя', width: 10 },
          { header: 'Скидка', width: 10 },
        ],
        rows: [
          ['=1+1', 5.5],
          [null, 3],
        ],
      },
      { name: 'Second', columns: [{ header: 'Other', width: 10 }], rows: [['x']] },
    ]);
    const t = await table(x, 'a.xlsx');
    expect(t.kind).toBe('xlsx');
    expect(t.headers).toEqual(['Имя', 'Скидка']);
    // Rows are sparse (an empty cell is a hole, not a null), so a cell in column XFD costs one entry.
    expect(t.rows.map((r) => ({ row: r.row, cells: Array.from(r.cells, (c) => c ?? null) }))).toEqual([
      { row: 2, cells: ['=1+1', { value: 5.5, date: false }] },
      { row: 3, cells: [null, { value: 3, date: false }] },
    ]);
    expect(1 in t.rows[1]!.cells && !(0 in t.rows[1]!.cells)).toBe(true);
  });

  it('reads inline strings, rich text, booleans and tells dates by their number format', async () => {
    const styles =
      '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="&quot;d&quot;0.00"/></numFmts>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>';
    const sheet =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Имя</t></is></c><c r="C1" t="inlineStr"><is><r><t>День </t></r><r><t>рождения</t></r></is></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve"> Анна &amp; Co_x000D_</t></is></c><c r="B3" t="b"><v>1</v></c>' +
      '<c r="C3" s="1"><v>45000</v></c><c r="D3" s="2"><v>45001</v></c><c r="E3" s="3"><v>7</v></c></row>';
    const t = await table(await inlineXlsx(sheet, styles), 'a.xlsx');
    expect(t.headers).toEqual(['Имя', '', 'День рождения']);
    expect(t.rows).toEqual([
      {
        row: 3,
        cells: [
          ' Анна & Co\r',
          'TRUE',
          { value: 45000, date: true },
          { value: 45001, date: true },
          { value: 7, date: false },
        ],
      },
    ]);
  });
});
