import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { preflight } from '../../src/preflight/preflight';
import { readTable, isBadFile } from '../../src/preflight/input/read-table';
import { DEFAULT_LIMITS } from '../../src/preflight/limits';
import { elements, attrs, textOf, type ScanMeter } from '../../src/preflight/input/xml-read';
import { encodeCp1251 } from '../../src/preflight/input/cp1251';
import { preflightToText } from '../../src/preflight/report';
import { contactSchema, tEn } from '../preflight/fixtures';

// Hostile import files, generated here (none is checked in): each must end in one clear problem, fast
// and without allocating for what the file only claims.

/** A minimal workbook around the given sheetData XML; STORE keeps big hostile parts clear of the zip-bomb guard. */
async function workbook(sheetData: string, store = false): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    'xl/workbook.xml',
    '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${sheetData}</sheetData></worksheet>`);
  return zip.generateAsync({ type: 'uint8array', compression: store ? 'STORE' : 'DEFLATE' });
}

const HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>Имя</t></is></c></row>';

async function check(file: Uint8Array, fileName: string) {
  return preflight({ file, fileName, entity: 'contacts', schema: contactSchema() });
}

describe('cells and rows outside the sheet', () => {
  it.each([
    ['column ZZZZZZ', '<row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>', 'ZZZZZZ2'],
    ['column XFE (one past the last)', '<row r="2"><c r="XFE2"><v>1</v></c></row>', 'XFE2'],
    ['twenty letters', `<row r="2"><c r="${'Z'.repeat(20)}2"><v>1</v></c></row>`, 'Z'.repeat(20).concat('2')],
    ['row 99,999,999', '<row r="99999999"><c r="A99999999"><v>1</v></c></row>', 'row 99999999'],
  ])('%s: a file of about 1.5 KB is refused with the cell named, not allocated', async (_, row, cell) => {
    const file = await workbook(HEADER + row);
    expect(file.length).toBeLessThan(1600);
    const r = await check(file, 'tiny.xlsx');
    expect(r.fatal).toMatchObject({ code: 'file-cell-out-of-range', message: { params: { cell, file: 'tiny.xlsx' } } });
    expect(r.exitCode).toBe(1);
    expect(preflightToText(r, tEn)).toContain(`has a cell at ${cell}, outside Excel’s sheet`);
  });

  it('the last column XFD is still read, and costs one entry, not 16,384', async () => {
    const file = await workbook(
      `${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>Анна</t></is></c><c r="XFD2"><v>7</v></c></row>`,
    );
    const t = await readTable(file, 'wide.xlsx', DEFAULT_LIMITS);
    if (isBadFile(t)) throw new Error(t.code);
    const cells = t.rows[0]!.cells;
    expect(cells.length).toBe(16_384);
    expect(cells[16_383]).toEqual({ value: 7, date: false });
    expect(Object.keys(cells)).toEqual(['0', '16383']);
  });
});

describe('the XML scanner is linear in its input', () => {
  const MB2 = 2 * 1024 * 1024;

  it.each([
    ['one unclosed start tag of 2 MB (no >)', `<row r="1" ${'a'.repeat(MB2)}`],
    ['an unclosed quote in an attribute', `<row r="1${'x'.repeat(MB2)}>`],
    ['700,000 unclosed <c> in a closed row', `<row r="1">${'<c>'.repeat(MB2 / 3)}</row>`],
    ['an unclosed comment', `<!--${'-'.repeat(MB2)}`],
    ['2 MB of closing tags', '</row>'.repeat(MB2 / 6)],
  ])('%s: at most a few steps per character', (_, xml) => {
    const meter: ScanMeter = { steps: 0 };
    try {
      for (const row of elements(xml, 'row', meter)) for (const c of elements(row.inner, 'c', meter)) void c;
    } catch {
      // Malformed input is refused; what matters here is how much work it took to find out.
    }
    expect(xml.length).toBeGreaterThanOrEqual(MB2 - 6);
    expect(meter.steps).toBeLessThanOrEqual(4 * xml.length);
  });

  it('well-formed input is read in one pass too (10,000 rows of 3 cells)', () => {
    const xml = Array.from(
      { length: 10_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c><c r="B${i + 1}" t="s"><v>0</v></c><c/></row>`,
    ).join('');
    const meter: ScanMeter = { steps: 0 };
    let cells = 0;
    for (const row of elements(xml, 'row', meter)) for (const _ of elements(row.inner, 'c', meter)) cells++;
    expect(cells).toBe(30_000);
    expect(meter.steps).toBeLessThanOrEqual(3 * xml.length);
  });

  it('attribute text of 2 MB without "=" is parsed in one pass (it used to backtrack)', () => {
    expect(attrs(`${'a'.repeat(MB2)} r="5"`)).toEqual({ r: '5' });
  });

  it('rich text with phonetic runs keeps only the text runs', () => {
    expect(textOf('<r><t>Ива</t></r><rPh sb="0" eb="1"><t>イ</t></rPh><r><t>нов</t></r>')).toBe('Иванов');
  });

  it('a 2 MB sheet with an unclosed tag is refused as damaged inside a normal test timeout', async () => {
    const file = await workbook(`${HEADER}<row r="2">${'<c r="A2"><v>1</v>'.repeat(MB2 / 18)}</row>`, true);
    expect(file.length).toBeGreaterThan(MB2);
    const r = await check(file, 'unclosed.xlsx');
    expect(r.fatal?.code).toBe('file-corrupt');
  });
});

describe('CSV with an unterminated quote', () => {
  it('is refused with the row and column where the quote opens, not read as one field', async () => {
    const lines = [
      'Имя;Должность',
      'Анна;Директор',
      'Борис;Менеджер',
      'Вера;"Бухгалтер',
      ...Array.from({ length: 997 }, (_, i) => `Контакт ${i};Продавец`),
    ];
    const r = await check(new TextEncoder().encode(lines.join('\n')), 'quote.csv');
    expect(r.fatal).toMatchObject({
      code: 'file-quote-unclosed',
      row: 4,
      message: { params: { row: 4, column: 2, count: 997 } },
    });
    expect(r.exitCode).toBe(1);
    const text = preflightToText(r, tEn);
    expect(text).not.toContain('ready to import');
    expect(text).toContain('Row 4, column 2: a quote opens here and never closes, so the next 997 lines');
  });

  it('a closed multi-line quote is still one cell', async () => {
    const r = await readTable(
      new TextEncoder().encode('Имя;Примечание\nАнна;"две\nстроки"\nБорис;x\n'),
      'ok.csv',
      DEFAULT_LIMITS,
    );
    if (isBadFile(r)) throw new Error(r.code);
    expect(r.rows.map((x) => x.cells)).toEqual([
      ['Анна', 'две\nстроки'],
      ['Борис', 'x'],
    ]);
  });
});

describe('CSV with two stray quotes', () => {
  const read = (text: string) => readTable(new TextEncoder().encode(text), 'stray.csv', DEFAULT_LIMITS);

  it.each([
    {
      name: 'a pair that swallows whole rows',
      text: 'Имя;Должность\nАнна;Директор\nВера;"Бухгалтер\nГлеб;Продавец\nДина;Менеджер"\nЕгор;Курьер\n',
      at: { row: 3, column: 2, closeRow: 5 },
    },
    {
      name: 'text runs on after a quote that closed rows later',
      text: 'Имя;Должность;Город\nВера;"Бухгалтер\nГлеб 5" склад;Москва\n',
      at: { row: 2, column: 2, closeRow: 3 },
    },
  ])('$name: refused with where the quote opens and closes, not joined into one cell', async ({ text, at }) => {
    const r = await read(text);
    expect(r).toMatchObject({
      code: 'file-quote-stray',
      row: at.row,
      params: { column: at.column, closeRow: at.closeRow },
    });
  });

  it.each([
    { name: 'an address with a line break', text: 'Имя;Адрес;Город\nАнна;"ул. Ленина, 1\nкв. 5";Москва\n' },
    { name: 'a quote written as two inside one line', text: 'Имя;Заметка\nАнна;"сказала ""да"""\n' },
  ])('$name still reads', async ({ text }) => {
    const r = await read(text);
    if (isBadFile(r)) throw new Error(r.code);
    expect(r.rows).toHaveLength(1);
  });

  it('the report says it in words', async () => {
    const r = await check(new TextEncoder().encode('Имя;Должность\nВера;"Бухгалтер\nГлеб;Продавец"\n'), 'q.csv');
    expect(preflightToText(r, tEn)).toContain('Row 2, column 2: a quote opens here and closes only on row 3');
  });
});

describe('CSV in two encodings', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const glue = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };

  it.each([
    [
      'UTF-8 rows, then Windows-1251 rows',
      glue(utf8('Имя;Должность\nАнна;Директор\n'), encodeCp1251('Борис;Менеджер\n')),
      1,
      3,
    ],
    ['Windows-1251 rows, then UTF-8 rows', glue(encodeCp1251('Имя;Должность\n'), utf8('Анна;Директор\n')), 2, 1],
    [
      'a UTF-8 BOM, then Windows-1251',
      glue(Uint8Array.from([0xef, 0xbb, 0xbf]), utf8('Name;Role\n'), encodeCp1251('Борис;Менеджер\n')),
      1,
      2,
    ],
  ])('%s: refused, naming a row of each', async (_, bytes, utf8Row, otherRow) => {
    const r = await check(bytes, 'mixed.csv');
    expect(r.fatal).toMatchObject({ code: 'file-mixed-encoding', message: { params: { utf8Row, otherRow } } });
    expect(preflightToText(r, tEn)).toContain(`row ${utf8Row} is UTF-8, row ${otherRow} is not`);
  });

  it.each([
    ['all UTF-8', utf8('Имя;Должность\nАнна;Директор\n'), 'utf-8'],
    ['all Windows-1251', encodeCp1251('Имя;Должность\nЁлкина;Директор №1\n'), 'windows-1251'],
    ['ASCII', utf8('Name;Role\nAnn;CEO\n'), 'utf-8'],
  ])('%s: read as one encoding', async (_, bytes, encoding) => {
    const r = await readTable(bytes, 'one.csv', DEFAULT_LIMITS);
    expect(isBadFile(r) ? r.code : r.encoding).toBe(encoding);
  });
});

describe('the size is checked before the file is read', () => {
  async function cliPreflight(file: string) {
    const { main } = await import('../../src/cli/main');
    const { processIo } = await import('../../src/cli/io');
    let stdout = '';
    const requests: string[] = [];
    const io = {
      ...processIo(),
      stdout: (s: string) => {
        stdout += s;
      },
      stderr: () => {},
      isTTY: false,
      stderrTTY: false,
      env: { AMO_TOKEN: 'dev-token', SETUP_AUDIT_LANG: 'en' },
      fetch: (async (input: string | URL | Request) => {
        requests.push(String(input));
        throw new Error('the account must not be asked about a file that is refused anyway');
      }) as typeof fetch,
    };
    const code = await main(
      ['preflight', '--base-url', 'https://emulator.test', '--entity', 'contacts', '--file', file, '--lang', 'en'],
      io,
    );
    return { code, stdout, requests };
  }

  it('/dev/zero (endless, no size) is refused after reading just past the limit', async (ctx) => {
    const { existsSync } = await import('node:fs');
    if (!existsSync('/dev/zero')) {
      console.log('skipped: this system has no /dev/zero');
      ctx.skip();
    }
    const r = await cliPreflight('/dev/zero');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('“zero” is > 20 MB, over the 20 MB limit');
    expect(r.requests).toEqual([]);
  });

  it('a 25 MB file is refused on its stat size, before the account is asked', async () => {
    const { mkdtempSync, openSync, ftruncateSync, closeSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const path = join(mkdtempSync(join(tmpdir(), 'pf-')), 'big.csv');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 25 * 1024 * 1024); // sparse: costs no disk
    closeSync(fd);
    const r = await cliPreflight(path);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('“big.csv” is 25 MB, over the 20 MB limit');
    expect(r.requests).toEqual([]);
  });

  it('the bounded reader never holds more than the limit', async () => {
    const { readFileBounded, FileTooLargeError } = await import('../../src/cli/read-bounded');
    expect(() => readFileBounded('/dev/zero', 100_000)).toThrow(FileTooLargeError);
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const path = join(mkdtempSync(join(tmpdir(), 'pf-')), 'small.csv');
    writeFileSync(path, 'Имя\nАнна\n');
    expect(new TextDecoder().decode(readFileBounded(path, 100))).toBe('Имя\nАнна\n');
    expect(() => readFileBounded(path, 5)).toThrow(/more than 5/);
  });
});
