import { describe, it, expect } from 'vitest';
import { preflight } from '../../src/preflight/preflight';
import { preflightToCsv, preflightToText } from '../../src/preflight/report';
import { csv, contactSchema, tEn, tRu } from './fixtures';

describe('preflight reports', () => {
  it('text: summary, counts and one line per problem', async () => {
    const r = await preflight({
      file: csv([
        ['Имя', 'Email'],
        ['a', '=cmd'],
        ['b', 'ok@x.ru'],
      ]),
      fileName: 'a.csv',
      entity: 'contacts',
      schema: contactSchema(),
    });
    const text = preflightToText(r, tEn);
    expect(text).toContain('2 data rows · 1 error · 0 warnings');
    expect(text).toContain('  Error: Invalid email — 1');
    expect(text).toContain('Error (Row 2, «Email»): “=cmd” does not look like an email address.');
  });

  it('csv: BOM, ; delimiter, neutralised formula-like values', async () => {
    const r = await preflight({
      file: csv([
        ['Имя', 'Email'],
        ['a', '=cmd'],
      ]),
      fileName: 'a.csv',
      entity: 'contacts',
      schema: contactSchema(),
    });
    const out = preflightToCsv(r, tRu);
    expect(out.startsWith('\uFEFFСтрока;Колонка;Важность;Проблема;Предложение\r\n')).toBe(true);
    expect(out).toContain('2;Email;Ошибка;«=cmd» — не похоже на email.;');
    const bad = await preflight({
      file: csv([['=HYPERLINK("x")'], ['a']]),
      fileName: 'a.csv',
      entity: 'contacts',
      schema: contactSchema(),
    });
    expect(preflightToCsv(bad, tRu)).toContain(`\r\n;"'=HYPERLINK(""x"")";Предупреждение;`);
  });
});
