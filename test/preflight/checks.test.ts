import { describe, it, expect } from 'vitest';
import { preflight } from '../../src/preflight/preflight';
import type { PreflightResult, ImportEntity, PreflightSchema } from '../../src/preflight/types';
import { writeWorkbook } from '../../src/export/xlsx/workbook';
import { csv, contactSchema, leadSchema, tRu } from './fixtures';

async function run(rows: string[][], entity: ImportEntity = 'contacts', schema: PreflightSchema = contactSchema()) {
  return preflight({ file: csv(rows), fileName: 'import.csv', entity, schema });
}

function codes(r: PreflightResult) {
  return r.problems.map((p) => [p.code, p.row, p.column, p.suggestion ?? null]);
}

describe('headers', () => {
  it('accepts exact field names and system columns (ru and en) with no problems', async () => {
    const r = await run([
      [
        'Имя',
        'Фамилия',
        'Полное имя',
        'Ответственный',
        'Компания',
        'Теги',
        'Примечание',
        'Телефон',
        'Email',
        'Должность',
        'Work phone',
      ],
      [
        'Иван',
        'Петров',
        'Иван Петров',
        'Борис Продавец',
        'ООО Ромашка',
        'vip',
        'ok',
        '+7 (999) 123-45-67',
        'ivan@mail.ru',
        'Директор',
        '8 800 555 35 35',
      ],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.columns.map((c) => c.status)).toEqual([
      'system',
      'system',
      'system',
      'system',
      'system',
      'system',
      'system',
      'field',
      'field',
      'field',
      'system',
    ]);
  });

  it.each([
    ['телефон', 'Телефон'], // case
    [' Должность  ', 'Должность'], // spaces
    ['Роль  в сделке', 'Роль в сделке'], // inner spaces
    ['Дeнь рождения', 'День рождения'], // latin e typo (1 edit)
    ['Телфон', 'Телефон'], // typo
    ['Ответсвенный', 'Ответственный'], // typo in a system column
    ['Емаил', null], // too far: unknown
  ])('near miss %j → %j', async (header, suggestion) => {
    const r = await run([[header], ['x']]);
    const p = r.problems.find((x) => x.row === null)!;
    if (suggestion) {
      expect(p).toMatchObject({ code: 'header-near-miss', severity: 'error', column: header, suggestion });
      expect(r.exitCode).toBe(1);
    } else {
      expect(p).toMatchObject({ code: 'header-unknown', severity: 'warning', column: header });
      expect(r.exitCode).toBe(0);
    }
  });

  it('ё/е counts as a near miss against a field spelt with ё', async () => {
    const schema = contactSchema({
      fields: [...contactSchema().fields, { ...contactSchema().fields[2]!, id: 99, name: 'Счёт' }],
    });
    const r = await run([['Счет'], ['1']], 'contacts', schema);
    expect(codes(r)).toEqual([['header-near-miss', null, 'Счет', 'Счёт']]);
  });

  it('flags duplicate and empty headers', async () => {
    const r = await run([
      ['Имя', '', 'имя'],
      ['a', 'b', 'c'],
    ]);
    expect(codes(r)).toEqual([
      ['header-empty', null, '', null],
      ['header-duplicate', null, 'имя', null],
    ]);
  });

  it('checks values of a near-miss column as the suggested field', async () => {
    const r = await run([['email'], ['not-an-email']]);
    expect(codes(r)).toEqual([
      ['header-near-miss', null, 'email', 'Email'],
      ['email-invalid', 2, 'email', null],
    ]);
  });
});

describe('values', () => {
  it('owners must be active users, by name or email', async () => {
    const r = await run([
      ['Имя', 'Ответственный'],
      ['a', 'Борис Продавец'],
      ['b', 'BORIS@example.com'],
      ['c', 'Вера Уволена'],
      ['d', 'Борис Продавц'],
      ['e', 'Никто'],
    ]);
    expect(codes(r)).toEqual([
      ['owner-inactive', 4, 'Ответственный', null],
      ['owner-unknown', 5, 'Ответственный', 'Борис Продавец'],
      ['owner-unknown', 6, 'Ответственный', null],
    ]);
    expect(r.problems[0]!.message).toEqual({
      key: 'preflight.problem.owner-inactive',
      params: { value: 'Вера Уволена', user: 'Вера Уволена', column: 'Ответственный' },
    });
  });

  it('list values outside the options are warnings (the import would create them)', async () => {
    const r = await run([
      ['Роль в сделке', 'Интересы'],
      ['ЛПР', 'Сервис, Поставка'],
      ['лпр', '"Сервис;Монтаж"'],
      ['ЛРП', ''],
    ]);
    expect(codes(r)).toEqual([
      ['list-value-new', 3, 'Интересы', null],
      ['list-value-new', 4, 'Роль в сделке', 'ЛПР'],
    ]);
    expect(r.problems[0]!.message.params).toMatchObject({ value: 'Монтаж' });
    expect(r.exitCode).toBe(0);
  });

  it('dates: dd.mm.yyyy, yyyy-mm-dd and serials pass; other formats and impossible dates fail', async () => {
    const r = await run([
      ['День рождения'],
      ['01.02.1990'],
      ['1990-02-01'],
      ['33000'],
      ['31.02.1990'],
      ['02/01/1990'],
      ['1 февраля'],
      ['1.2.90'],
    ]);
    expect(codes(r)).toEqual([5, 6, 7, 8].map((row) => ['date-invalid', row, 'День рождения', null]));
  });

  it('dates from xlsx: a date-formatted serial passes', async () => {
    const file = await writeWorkbook([
      { name: 'S', columns: [{ header: 'День рождения', width: 10 }], rows: [[33000], ['bad']] },
    ]);
    const r = await preflight({ file, fileName: 'a.xlsx', entity: 'contacts', schema: contactSchema() });
    expect(r.fileKind).toBe('xlsx');
    expect(codes(r)).toEqual([['date-invalid', 3, 'День рождения', null]]);
  });

  it('numbers, phones and emails', async () => {
    const r = await run([
      ['Скидка', 'Телефон', 'Email'],
      ['1 500,50', '+7 999 123-45-67, 8(800)5553535', 'a@b.ru; c.d@e.com'],
      ['15%', '12345', 'a@b'],
      ['', 'тел. 999', 'a b@c.ru'],
    ]);
    expect(codes(r)).toEqual([
      ['number-invalid', 3, 'Скидка', null],
      ['phone-invalid', 3, 'Телефон', null],
      ['email-invalid', 3, 'Email', null],
      ['phone-invalid', 4, 'Телефон', null],
      ['email-invalid', 4, 'Email', null],
    ]);
  });

  it('duplicates in the file (same row, same phone or email) and contacts that already exist', async () => {
    const r = await run([
      ['Имя', 'Телефон', 'Email'],
      ['Анна', '+7 999 000-11-22', 'anna@x.ru'],
      ['Анна', '+7 999 000-11-22', 'anna@x.ru'],
      ['Ann', '8 (999) 000 11 22', ''],
      ['Bob', '', ' ANNA@x.ru '],
      ['Old', '', 'old@client.ru'],
    ]);
    expect(codes(r)).toEqual([
      ['contact-exists', 2, 'Телефон', null],
      ['row-duplicate', 3, null, null],
      ['row-duplicate', 4, 'Телефон', null],
      ['contact-exists', 4, 'Телефон', null],
      ['row-duplicate', 5, 'Email', null],
      ['contact-exists', 6, 'Email', null],
    ]);
    expect(r.problems[1]!.message.params).toEqual({ first: 2 });
  });

  it('leads: unknown pipelines and stages, stage checked within the row pipeline', async () => {
    const r = await run(
      [
        ['Название сделки', 'Бюджет', 'Воронка', 'Этап', 'Источник'],
        ['A', '1000', 'Продажи', 'Переговоры', 'Сайт'],
        ['B', '1000', 'Продажа', 'Переговоры', 'Сайт'],
        ['C', '', '', 'Переговры', ''],
        ['D', 'много', 'Продажи', 'Оплата', 'Выставка'],
      ],
      'leads',
      leadSchema(),
    );
    expect(codes(r)).toEqual(
      [
        ['pipeline-unknown', 3, 'Воронка', 'Продажи'],
        ['stage-unknown', 4, 'Этап', 'Переговоры'],
        ['number-invalid', 5, 'Бюджет', null],
        ['list-value-new', 5, 'Источник', null],
        ['stage-unknown', 5, 'Этап', null],
      ].sort((a, b) => (a[1] as number) - (b[1] as number)),
    );
    expect(r.problems.find((p) => p.code === 'stage-unknown' && p.row === 5)!.message.params).toMatchObject({
      pipeline: 'Продажи',
    });
  });
});

describe('summary, progress and degraded schemas', () => {
  it('counts by code with severities, errors first; messages exist in i18n', async () => {
    const r = await run([
      ['Имя', 'Телфон', 'Странная'],
      ['a', '1', 'x'],
      ['b', '2', 'y'],
    ]);
    expect(r.summary).toEqual({
      rows: 2,
      errors: 3,
      warnings: 1,
      byCode: [
        { code: 'header-near-miss', severity: 'error', count: 1 },
        { code: 'phone-invalid', severity: 'error', count: 2 },
        { code: 'header-unknown', severity: 'warning', count: 1 },
      ],
    });
    expect(r.exitCode).toBe(1);
    for (const p of r.problems) expect(tRu(p.message.key, p.message.params)).not.toBe(p.message.key);
    expect(tRu(r.problems[0]!.message.key, r.problems[0]!.message.params)).toBe(
      'Колонка «Телфон» не совпадает с названием поля — импорт её не распознает. Видимо, имелось в виду «Телефон».',
    );
  });

  it('caps the row-level list per code but keeps exact counts', async () => {
    const rows = [['Email'], ...Array.from({ length: 30 }, (_, i) => [`bad${i}`])];
    const r = await preflight({
      file: csv(rows),
      fileName: 'a.csv',
      entity: 'contacts',
      schema: contactSchema(),
      maxProblemsPerCode: 10,
    });
    expect(r.problems).toHaveLength(10);
    expect(r.truncated).toBe(true);
    expect(r.summary.errors).toBe(30);
  });

  it('reports progress while checking', async () => {
    const rows = [['Имя'], ...Array.from({ length: 2500 }, (_, i) => [`n${i}`])];
    const seen: string[] = [];
    await preflight({
      file: csv(rows),
      fileName: 'a.csv',
      entity: 'contacts',
      schema: contactSchema(),
      onProgress: (p) => seen.push(`${p.phase}:${p.done}/${p.total}`),
    });
    expect(seen.slice(2)).toEqual(['check:1000/2500', 'check:2000/2500', 'check:2500/2500']);
  });

  it('cancels between batches of rows', async () => {
    const rows = [['Имя'], ...Array.from({ length: 2500 }, (_, i) => [`n${i}`])];
    const ctrl = new AbortController();
    const pending = preflight({
      file: csv(rows),
      fileName: 'a.csv',
      entity: 'contacts',
      schema: contactSchema(),
      signal: ctrl.signal,
      onProgress: (p) => {
        if (p.phase === 'check' && p.done === 1000) ctrl.abort();
      },
    });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('skips owner checks when users could not be loaded, and says so once', async () => {
    const r = await run(
      [['Ответственный'], ['Никто']],
      'contacts',
      contactSchema({ users: [], unavailable: ['users'] }),
    );
    expect(r.problems.map((p) => p.code)).toEqual(['check-skipped']);
    expect(r.problems[0]!.message.key).toBe('preflight.skipped.users');
    expect(tRu(r.problems[0]!.message.key)).toContain('ответственные не проверены');
  });
});
