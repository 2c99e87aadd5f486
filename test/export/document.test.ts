import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildConfigurationDocument } from '../../src/export/document';
import { makeReport, makeSnapshot, tRu, tEn, tEs } from './fixtures';

async function open(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function headers(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(1).eachCell((c) => out.push(String(c.value)));
  return out;
}

function allValues(ws: ExcelJS.Worksheet): unknown[] {
  const out: unknown[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(c.value)));
  return out;
}

describe('buildConfigurationDocument', () => {
  it('writes every sheet with ru headers, frozen header rows and autofilters', async () => {
    const wb = await open(
      await buildConfigurationDocument({ report: makeReport(), snapshot: makeSnapshot(), lang: 'ru', t: tRu }),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Сводка',
      'Замечания',
      'Поля',
      'Воронки',
      'Обязательные поля',
      'Причины отказа',
      'Пользователи и права',
      'Роли',
      'Каналы',
      'Поля формы',
      'Поля CRM',
      'Ручная проверка',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
      expect(ws.autoFilter).toMatch(/^A1:[A-Z]+\d+$/);
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    }
    const findings = wb.getWorksheet('Замечания')!;
    expect(headers(findings).slice(0, 6)).toEqual([
      'Раздел',
      'Проверка',
      'Код проверки',
      'Важность',
      'Результат',
      'Что найдено',
    ]);
    expect(headers(findings)).toContain('Статус (согласование)');
    expect(findings.getRow(2).getCell(3).value).toBe('duplicate-field-names');
    expect(findings.getRow(2).getCell(5).value).toBe('Не пройдено');
    expect(findings.getRow(4).getCell(6).value).toBe('Events could not load');
    expect(findings.columns[6]!.width).toBe(50);
  });

  it('writes es sheet titles and headers for a Spanish document', async () => {
    const wb = await open(
      await buildConfigurationDocument({ report: makeReport(), snapshot: makeSnapshot(), lang: 'es', t: tEs }),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Resumen',
      'Hallazgos',
      'Campos',
      'Embudos',
      'Matriz de obligatorios',
      'Motivos de pérdida',
      'Usuarios y permisos',
      'Roles',
      'Canales',
      'Mapeo de formularios',
      'Campos del CRM',
      'Lista de revisión manual',
    ]);
    const findings = wb.getWorksheet('Hallazgos')!;
    expect(headers(findings).slice(0, 6)).toEqual([
      'Área',
      'Revisión',
      'Id de la regla',
      'Gravedad',
      'Resultado',
      'Hallazgo',
    ]);
    expect(findings.getRow(2).getCell(5).value).toBe('Con problemas');
    const pipes = wb.getWorksheet('Embudos')!;
    expect(allValues(pipes)).toContain('Leads entrantes');
  });

  it('never writes a formula: formula-like text is a string cell', async () => {
    const wb = await open(
      await buildConfigurationDocument({ report: makeReport(), snapshot: makeSnapshot(), lang: 'en', t: tEn }),
    );
    const fields = wb.getWorksheet('Fields')!;
    const cell = fields.getColumn(3).values.find((v) => v === '=1+1');
    expect(cell).toBe('=1+1');
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((c) => {
          expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(c.formula).toBeUndefined();
        }),
      );
    }
    const findingItems = String(wb.getWorksheet('Findings')!.getRow(2).getCell(7).value);
    expect(findingItems.startsWith('=HYPERLINK')).toBe(true);
  });

  it('fills fields, pipelines, matrix, users, roles and channels from the snapshot', async () => {
    const wb = await open(
      await buildConfigurationDocument({ report: makeReport(), snapshot: makeSnapshot(), lang: 'en', t: tEn }),
    );
    const fields = wb.getWorksheet('Fields')!;
    expect(headers(fields)).toEqual([
      'Entity',
      'Field id',
      'Name',
      'Type',
      'Code',
      'Group',
      'Predefined',
      'Options',
      'Required at stages',
    ]);
    expect(fields.getRow(2).values).toEqual([
      undefined,
      'Leads',
      1,
      'Источник',
      'Select',
      undefined,
      'Основное',
      'no',
      'Сайт\nЗвонок',
      'Продажи: Переговоры',
    ]);
    // The failed part becomes one explanatory row, not a crash.
    expect(allValues(fields)).toContain('Could not load company fields: needs admin rights');

    const pipes = wb.getWorksheet('Pipelines')!;
    const stages = [2, 3, 4, 5, 6].map((r) => pipes.getRow(r).getCell(4).value);
    expect(stages).toEqual([
      'Неразобранное',
      'Заявка',
      'Переговоры',
      'Успешно реализовано',
      'Закрыто и не реализовано',
    ]);
    expect(pipes.getRow(4).getCell(9).value).toBe('Leads: Источник');

    const matrix = wb.getWorksheet('Required matrix')!;
    expect(headers(matrix)).toContain('Продажи: Переговоры');
    const col = headers(matrix).indexOf('Продажи: Переговоры') + 1;
    expect(matrix.getRow(2).getCell(col).value).toBe('✓');
    expect(matrix.getRow(2).getCell(col - 1).value).toBeNull();

    const users = wb.getWorksheet('Users & rights')!;
    expect(headers(users)).toContain('Leads: export');
    const boris = [2, 3, 4].map((r) => users.getRow(r)).find((r) => r.getCell(1).value === 'Борис Продавец')!;
    expect(boris.getCell(6).value).toBe('Менеджер');
    expect(boris.getCell(7).value).toBe('Отдел продаж');
    expect(boris.getCell(headers(users).indexOf('Leads: export') + 1).value).toBe('Denied');

    const roles = wb.getWorksheet('Roles')!;
    expect(roles.getRow(2).getCell(1).value).toBe('Менеджер');
    expect(roles.getRow(2).getCell(2).value).toBe(2);
    // Complete rights, as the document is also applied: tasks, mail and catalog access too.
    expect(headers(roles).slice(-4)).toEqual(['Mail access', 'Tasks: edit', 'Tasks: delete', 'Catalog access']);

    const channels = wb.getWorksheet('Channels')!;
    const tele = channels.getRow(4);
    expect(tele.getCell(1).value).toBe('Telephony');
    expect(tele.getCell(2).value).toBe('Not checked');
    expect(String(tele.getCell(3).value)).toContain('Could not load events: the CRM took too long to answer');
    expect(String(tele.getCell(3).value)).toContain('Services: sipuni');
    expect(tele.getCell(4).value).toBe('sipuni');
    expect(String(channels.getRow(3).getCell(3).value)).toContain('Форма на главной');
  });

  it('offers a form-mapping sheet with a drop-down of CRM fields and a manual checklist', async () => {
    const wb = await open(
      await buildConfigurationDocument({ report: makeReport(), snapshot: makeSnapshot(), lang: 'en', t: tEn }),
    );
    const mapping = wb.getWorksheet('Form mapping')!;
    expect(headers(mapping)).toEqual(['Form', 'Form field', 'CRM field', 'Example value', 'Comment']);
    expect(mapping.getRow(2).getCell(1).value).toBe('Форма на главной');
    const dv = (
      mapping as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }
    ).dataValidations.model;
    expect(dv['C2']).toMatchObject({ type: 'list', formulae: ["'CRM fields'!$A$2:$A$5"] });
    const list = wb.getWorksheet('CRM fields')!;
    expect(list.getColumn(1).values.slice(2)).toEqual([
      'Leads: Источник',
      'Leads: =1+1',
      'Contacts: Телефон',
      'Contacts: Email',
    ]);
    const checklist = wb.getWorksheet('Manual checklist')!;
    expect(checklist.rowCount).toBe(2);
    expect(checklist.getRow(2).getCell(2).value).toBe('Title setup-document-approved');
  });

  it('puts the summary facts and area scores on the first sheet', async () => {
    const wb = await open(
      await buildConfigurationDocument({ report: makeReport(), snapshot: makeSnapshot(), lang: 'ru', t: tRu }),
    );
    const s = wb.getWorksheet('Сводка')!;
    const pairs = new Map<string, unknown>();
    s.eachRow((row) => pairs.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(pairs.get('Аккаунт')).toBe('ООО Ромашка');
    expect(pairs.get('Данные сняты')).toBe('2025-03-01 10:00 UTC');
    expect(pairs.get('Общая оценка')).toBe(62);
    expect(pairs.get('Раздел «Поля карточек»')).toBe(50);
    expect(pairs.get('Раздел «Телефония»')).toBe('не оценено');
    expect(pairs.get('Не проверено в разделе «Телефония»')).toBe('timed out');
  });

  it('is deterministic: the same input gives the same bytes, with fixed zip dates', async () => {
    const a = await buildConfigurationDocument({ report: makeReport(), snapshot: makeSnapshot(), lang: 'ru', t: tRu });
    const b = await buildConfigurationDocument({ report: makeReport(), snapshot: makeSnapshot(), lang: 'ru', t: tRu });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const zip = await JSZip.loadAsync(a);
    for (const f of Object.values(zip.files)) expect(f.date.getUTCFullYear()).toBe(2000);
    expect(Object.keys(zip.files).some((n) => n.startsWith('docProps'))).toBe(false);
  });

  it('explains failed parts per sheet instead of crashing', async () => {
    const snap = makeSnapshot();
    const forbidden = { error: { kind: 'forbidden' as const, status: 403, message: 'Forbidden' } };
    snap.parts.users = forbidden;
    snap.parts.roles = forbidden;
    snap.parts.pipelines = { error: { kind: 'network', status: null, message: 'ECONNRESET' } };
    delete snap.parts.fieldGroups;
    const wb = await open(
      await buildConfigurationDocument({ report: makeReport(), snapshot: snap, lang: 'en', t: tEn }),
    );
    expect(wb.getWorksheet('Users & rights')!.getRow(2).getCell(1).value).toBe(
      'Could not load users: needs admin rights',
    );
    expect(wb.getWorksheet('Roles')!.getRow(2).getCell(1).value).toBe('Could not load roles: needs admin rights');
    expect(wb.getWorksheet('Pipelines')!.getRow(2).getCell(1).value).toBe(
      'Could not load pipelines: the CRM did not answer',
    );
    expect(wb.getWorksheet('Required matrix')!.getRow(2).getCell(1).value).toBe(
      'Could not load pipelines: the CRM did not answer',
    );
    // Without groups the group id is shown as is.
    expect(wb.getWorksheet('Fields')!.getRow(2).getCell(6).value).toBe('default');
  });
});
