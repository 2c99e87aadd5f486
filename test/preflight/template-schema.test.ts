import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { buildImportTemplate } from '../../src/preflight/template';
import { preflight } from '../../src/preflight/preflight';
import { schemaFromSnapshot, existingContacts, type ContactPager } from '../../src/preflight/schema';
import { writeWorkbook } from '../../src/export/xlsx/workbook';
import { makeSnapshot } from '../export/fixtures';
import { contactSchema, leadSchema, tEn, tRu } from './fixtures';

type Validations = Record<string, { type: string; formulae: string[]; errorStyle?: string }>;

async function open(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}
const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);
const dv = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { model: Validations } }).dataValidations.model;

describe('buildImportTemplate', () => {
  it('contacts: exact field names, owner column, drop-downs fed by a hidden sheet', async () => {
    const wb = await open(
      await buildImportTemplate({ entity: 'contacts', schema: contactSchema(), lang: 'ru', t: tRu }),
    );
    const [main, lists] = wb.worksheets;
    expect(main!.name).toBe('Контакты');
    expect(headers(main!)).toEqual([
      'Имя',
      'Фамилия',
      'Телефон',
      'Email',
      'Должность',
      'Роль в сделке',
      'Интересы',
      'День рождения',
      'Скидка',
      'Ответственный',
    ]);
    expect(main!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(lists!.state).toBe('hidden');
    const v = dv(main!);
    expect(v['F2']).toMatchObject({ type: 'list', formulae: ["'Списки'!$A$1:$A$3"] });
    expect(v['G2']).toMatchObject({ type: 'list', formulae: ["'Списки'!$B$1:$B$2"], errorStyle: 'warning' });
    expect(v['J2']).toMatchObject({ type: 'list', formulae: ["'Списки'!$C$1:$C$2"] });
    expect(lists!.getColumn(1).values.slice(1)).toEqual(['ЛПР', 'Влияет', 'Пользователь']);
    // Active users only (Вера is inactive).
    expect(lists!.getColumn(3).values.slice(1)).toEqual(['Анна Админ', 'Борис Продавец']);
  });

  it('leads (en): name, budget, pipeline and stage lists; tracking fields left out', async () => {
    const wb = await open(await buildImportTemplate({ entity: 'leads', schema: leadSchema(), lang: 'en', t: tEn }));
    const [main, lists] = wb.worksheets;
    expect(main!.name).toBe('Leads');
    expect(headers(main!)).toEqual(['Lead name', 'Budget', 'Pipeline', 'Stage', 'Источник', 'Responsible user']);
    expect(lists!.getColumn(1).values.slice(1)).toEqual(['Продажи']);
    expect(lists!.getColumn(2).values.slice(1)).toEqual([
      'Заявка',
      'Переговоры',
      'Успешно реализовано',
      'Закрыто и не реализовано',
    ]);
    expect(dv(main!)['D2']).toMatchObject({ formulae: ["'Lists'!$B$1:$B$4"] });
  });

  it('a template filled with listed values passes the pre-flight without problems', async () => {
    const tpl = await open(
      await buildImportTemplate({ entity: 'contacts', schema: contactSchema(), lang: 'ru', t: tRu }),
    );
    const head = headers(tpl.worksheets[0]!) as string[];
    const row = [
      'Иван',
      'Петров',
      '+7 999 111-22-33',
      'ivan@new.ru',
      'Директор',
      'ЛПР',
      'Сервис',
      '01.02.1990',
      '5',
      'Борис Продавец',
    ];
    const file = await writeWorkbook([
      { name: 'x', columns: head.map((h) => ({ header: h, width: 10 })), rows: [row] },
    ]);
    const r = await preflight({ file, fileName: 'filled.xlsx', entity: 'contacts', schema: contactSchema() });
    expect(r.problems).toEqual([]);
    expect(r.exitCode).toBe(0);
  });
});

describe('schemaFromSnapshot', () => {
  it('takes the entity fields, users and pipelines; failed parts become unavailable checks', async () => {
    const ok = schemaFromSnapshot(makeSnapshot(), 'leads');
    expect(ok.fields.map((f) => f.name)).toEqual(['Источник', '=1+1']);
    expect(ok.unavailable).toBeUndefined();
    const bad = schemaFromSnapshot(makeSnapshot(), 'companies');
    expect(bad.unavailable).toEqual(['fields']);
    expect(bad.fields).toEqual([]);
    const r = await preflight({
      file: new TextEncoder().encode('Название компании;Что-то\nА;Б'),
      fileName: 'c.csv',
      entity: 'companies',
      schema: bad,
    });
    expect(r.problems.map((p) => p.code)).toEqual(['check-skipped']);
  });
});

describe('existingContacts', () => {
  it('streams pages, keeps only normalised phones and emails, reports progress', async () => {
    const calls: unknown[] = [];
    const pager: ContactPager = {
      async *pages<T>(path: string, collection: string, opts?: { limit?: number }) {
        calls.push([path, collection, opts?.limit]);
        const contact = (id: number, phone: string | null, email: string | null) => ({
          id,
          name: `c${id}`,
          responsible_user_id: 1,
          custom_fields_values: [
            ...(phone ? [{ field_id: 3, field_code: 'PHONE', values: [{ value: phone, enum_code: 'WORK' }] }] : []),
            ...(email ? [{ field_id: 4, field_code: 'EMAIL', values: [{ value: email }] }] : []),
          ],
        });
        yield [contact(1, '+7 (999) 000-11-22', ' Old@Client.RU '), contact(2, null, null)] as T[];
        yield [{ id: 3, name: 'x', responsible_user_id: 1, custom_fields_values: null }] as T[];
      },
    };
    const progress: unknown[] = [];
    const r = await existingContacts(pager, { onProgress: (p) => progress.push(p) });
    expect(calls).toEqual([['/api/v4/contacts', 'contacts', 250]]);
    expect([...r.phones]).toEqual(['9990001122']);
    expect([...r.emails]).toEqual(['old@client.ru']);
    expect(r.total).toBe(3);
    expect(progress).toEqual([
      { contacts: 2, pages: 1 },
      { contacts: 3, pages: 2 },
    ]);
  });
});
