import { describe, it, expect } from 'vitest';
import { reportToJson } from '../../src/export/json';
import { reportToMarkdown } from '../../src/export/markdown';
import { neutralise, looksLikeFormula, csvField, markdownCell } from '../../src/export/neutralise';
import { makeReport, tEn, tRu } from './fixtures';

describe('neutralise', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+7 999', "'+7 999"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(neutralise(input)).toBe(output);
    expect(looksLikeFormula(input)).toBe(input !== output);
  });

  it('quotes CSV fields and escapes Markdown cells', () => {
    expect(csvField('=cmd|calc', ',')).toBe("'=cmd|calc");
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(12)).toBe('12');
    expect(markdownCell('a|b\nc')).toBe('a\\|b<br>c');
    expect(markdownCell('=1+1')).toBe("'=1+1");
  });
});

describe('reportToJson', () => {
  it('is stable: fixed top-level order, sorted inner keys, same text for reordered input', () => {
    const a = makeReport();
    const json = reportToJson(a);
    expect(Object.keys(JSON.parse(json)).slice(0, 4)).toEqual(['schemaVersion', 'generatedAt', 'takenAt', 'lang']);
    const reverse = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverse)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverse(x)]),
            )
          : v;
    const shuffled = reverse(a) as typeof a;
    expect(Object.keys(shuffled)[0]).toBe('requests');
    expect(reportToJson(shuffled)).toBe(json);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(a)));
    const result = JSON.parse(json).results[0];
    expect(Object.keys(result)).toEqual([...Object.keys(result)].sort());
  });
});

describe('reportToMarkdown', () => {
  it('renders facts, an area table and findings, neutralising formula-like text', () => {
    const md = reportToMarkdown(makeReport(), tEn);
    expect(md).toContain('# Setup audit: ООО Ромашка');
    expect(md).toContain('- Overall score: **62** (C)');
    expect(md).toContain('| Card fields | 50 | 1 | 1 | 0 | 0 | 0 | 0 |');
    expect(md).toContain('| Telephony | — (incomplete) | 0 | 0 | 0 | 0 | 0 | 1 |');
    // The score rests on fewer checks than the report has: it says so under the score.
    expect(md).toContain('- The score covers 3 of 4 checks — 1 check could not run');
    expect(md).toContain('### Title duplicate-field-names (`duplicate-field-names`)');
    expect(md).toContain('  - \'=HYPERLINK("http://evil")');
    expect(md).not.toMatch(/^\s*- =/m);
    expect(md).toContain('- Events could not load');
    expect(md).toContain('- Outcome: **Not checked** · Severity: Medium');
  });

  it('uses ru labels', () => {
    const md = reportToMarkdown(makeReport(), tRu);
    expect(md).toContain('# Аудит настройки: ООО Ромашка');
    expect(md).toContain('## Поля карточек');
    expect(md).toContain('Результат: **Не пройдено**');
  });
});
