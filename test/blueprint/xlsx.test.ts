import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureBlueprint } from '../../src/blueprint/capture';
import { describeProblem } from '../../src/blueprint/describe';
import { readBlueprint } from '../../src/blueprint/read';
import type { Blueprint } from '../../src/blueprint/types';
import { DOCUMENT_WORDS } from '../../src/blueprint/document-words';
import { allDictionaries, dictionaryFor } from '../../src/i18n/dictionaries';
import { LANGS } from '../../src/i18n/langs';
import { buildConfigurationDocument } from '../../src/export/document';
import { createTranslator, type Lang } from '../../src/i18n/translate';
import { auditSnapshot } from '../../src/runner/audit';
import { defaultBaseline } from '../../src/audit/baseline/load';
import type { Snapshot } from '../../src/snapshot/types';
import { blueprintAccount } from './harness';

const dicts = allDictionaries();
const en = createTranslator(dicts.en, 'en');
const ENTITY_EVERYWHERE = LANGS.map((l) => createTranslator(dicts[l], l)('export.col.entity')).join(' / ');

async function documentOf(snapshot: Snapshot, lang: Lang): Promise<Uint8Array> {
  const settings = { baseline: defaultBaseline(), lang, dict: dictionaryFor(lang) };
  const report = auditSnapshot(snapshot, settings);
  return buildConfigurationDocument({ report, snapshot, lang, t: createTranslator(settings.dict, lang) });
}

async function read(bytes: Uint8Array, words: typeof dicts = dicts): Promise<Blueprint> {
  const r = await readBlueprint(bytes, 'doc.xlsx', words);
  if (!r.ok) throw new Error(r.problems.map((p) => describeProblem(p, en)).join('\n'));
  return r.value;
}

/** Rewrites a workbook through exceljs (shared strings, its own styles and XML), editing it on the way. */
async function rewrite(bytes: Uint8Array, edit: (wb: ExcelJS.Workbook) => void = () => {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function problemsOf(r: Awaited<ReturnType<typeof readBlueprint>>): string[] {
  return r.ok ? [] : r.problems.map((p) => describeProblem(p, en));
}

describe.each(['clean', 'messy', 'fresh'])('the %s document read back', (seed) => {
  let snapshot: Snapshot;
  beforeAll(async () => {
    snapshot = await blueprintAccount(seed).gatherAll();
  });

  it.each(LANGS)('in %s is the captured configuration', async (lang) => {
    const bytes = await documentOf(snapshot, lang);
    expect(await read(bytes)).toEqual(captureBlueprint(snapshot));
    // The widget reads with the `export` words alone (its documents chunk), not the whole dictionaries.
    expect(await read(bytes, DOCUMENT_WORDS)).toEqual(captureBlueprint(snapshot));
  });

  it('still reads after another XLSX library rewrote it (LibreOffice is not installed here)', async () => {
    expect(await read(await rewrite(await documentOf(snapshot, 'ru')))).toEqual(captureBlueprint(snapshot));
  });
});

describe('reading an edited document', () => {
  let bytes: Uint8Array;
  let captured: Blueprint;
  beforeAll(async () => {
    const snapshot = await blueprintAccount('clean').gatherAll();
    bytes = await documentOf(snapshot, 'en');
    captured = captureBlueprint(snapshot);
  });

  it('finds reordered columns by header, keeps numbers as text and ignores trailing blank rows', async () => {
    const edited = await rewrite(bytes, (wb) => {
      const ws = wb.getWorksheet('Fields')!;
      // Swap the Name and Type columns, add a field whose name is a number, and blank rows after it.
      const name = ws.getColumn(3).values.slice();
      const type = ws.getColumn(4).values.slice();
      ws.getColumn(3).values = type;
      ws.getColumn(4).values = name;
      ws.addRow(['Leads', null, 'Number', 2024, null, null, 'no', null, null]);
      ws.addRow([]);
      ws.addRow([null, null, null]);
    });
    const doc = await read(edited);
    expect(doc.fields).toEqual([
      ...captured.fields,
      { entity: 'leads', name: '2024', type: 'numeric', options: [], group: null },
    ]);
  });

  it('takes a renamed stage, a new role and a new mark in the matrix', async () => {
    const edited = await rewrite(bytes, (wb) => {
      const stages = wb.getWorksheet('Pipelines')!;
      stages.getRow(3).getCell(4).value = 'Первая встреча';
      const m = wb.getWorksheet('Required matrix')!;
      m.getRow(1).eachCell((cell) => {
        if (cell.value === 'Продажи: Заявка') cell.value = 'Продажи: Первая встреча';
      });
      const roles = wb.getWorksheet('Roles')!;
      roles.addRow(['Стажёр', 0, ...Array(15).fill('Own only'), 'no', 'Denied', 'Denied', 'no']);
      const matrix = wb.getWorksheet('Required matrix')!;
      const header = matrix.getRow(1).values as unknown[];
      const col = header.findIndex((h) => h === 'Продажи: КП');
      const row = (matrix.getColumn(2).values as unknown[]).findIndex((v) => v === 'ИНН');
      matrix.getRow(row).getCell(col).value = '✓';
    });
    const doc = await read(edited);
    expect(doc.pipelines[0]!.stages[0]).toBe('Первая встреча');
    expect(doc.roles.map((r) => r.name)).toContain('Стажёр');
    expect(doc.roles.find((r) => r.name === 'Стажёр')!.rights.leads).toEqual({
      view: 'M',
      edit: 'M',
      add: 'M',
      delete: 'M',
      export: 'M',
    });
    expect(doc.required).toContainEqual({ entity: 'companies', field: 'ИНН', pipeline: 'Продажи', stage: 'КП' });
  });

  it.each([
    [
      'an unknown field type',
      (wb: ExcelJS.Workbook) => {
        wb.getWorksheet('Fields')!.getRow(2).getCell(4).value = 'Hologram';
      },
      'sheet «Fields», row 2, column «Type»: unknown field type «Hologram»',
    ],
    [
      'an unknown right',
      (wb: ExcelJS.Workbook) => {
        wb.getWorksheet('Roles')!.getRow(2).getCell(3).value = 'Sometimes';
      },
      'sheet «Roles», row 2, column «Leads: view»: unknown right «Sometimes» (All, Group, Own only, Denied)',
    ],
    [
      'a missing column',
      (wb: ExcelJS.Workbook) => {
        wb.getWorksheet('Fields')!.getRow(1).getCell(1).value = 'Something';
      },
      // The column is named in every product language (ru «Сущность», en «Entity», …), in the list's order.
      `sheet «Fields», row 1, column «${ENTITY_EVERYWHERE}»: column «${ENTITY_EVERYWHERE}» is missing`,
    ],
    [
      'a matrix column naming no stage',
      (wb: ExcelJS.Workbook) => {
        const m = wb.getWorksheet('Required matrix')!;
        m.getRow(1).getCell(m.columnCount + 1).value = 'Продажи: Луна';
      },
      'sheet «Required matrix», row 1, column «Продажи: Луна»: column «Продажи: Луна» names no stage of the pipelines sheet',
    ],
    [
      'a mark that is not one',
      (wb: ExcelJS.Workbook) => {
        wb.getWorksheet('Required matrix')!.getRow(2).getCell(4).value = 'maybe';
      },
      'sheet «Required matrix», row 2, column «Продажи: Заявка»: mark «maybe» is not understood (✓ or empty)',
    ],
  ])('refuses %s with the sheet, row and column', async (_what, edit, expected) => {
    const r = await readBlueprint(await rewrite(bytes, edit), 'doc.xlsx', dicts);
    expect(problemsOf(r)).toContain(expected);
  });

  it.each([
    ['not a zip', new TextEncoder().encode('hello'), 'not an XLSX workbook'],
    ['empty', new Uint8Array(), 'not an XLSX workbook'],
  ])('refuses a file that is %s', async (_what, data, expected) => {
    const r = await readBlueprint(data, 'doc.xlsx', dicts);
    expect(problemsOf(r).join('\n')).toContain(expected);
  });
});
