import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import ru from '../../i18n/ru.json';
import { renderText } from '../../src/cli/render/text';
import { coverageLine } from '../../src/i18n/coverage';
import { createTranslator, type Dictionary } from '../../src/i18n/translate';
import { makeReport } from '../export/fixtures';

const tEn = createTranslator(en as unknown as Dictionary, 'en');
const tRu = createTranslator(ru as unknown as Dictionary, 'ru');

describe('what a score covers, in words', () => {
  it.each([
    [
      { total: 30, checked: 6, errored: 24, scored: 5 },
      tEn,
      'The score covers 6 of 30 checks — 24 checks could not run',
    ],
    [
      { total: 30, checked: 29, errored: 1, scored: 20 },
      tEn,
      'The score covers 29 of 30 checks — 1 check could not run',
    ],
    [
      { total: 30, checked: 6, errored: 24, scored: 5 },
      tRu,
      'Оценка учитывает 6 из 30 проверок — 24 проверки не выполнены',
    ],
    [
      { total: 21, checked: 16, errored: 5, scored: 9 },
      tRu,
      'Оценка учитывает 16 из 21 проверки — 5 проверок не выполнено',
    ],
    [{ total: 30, checked: 30, errored: 0, scored: 20 }, tEn, null],
  ])('%j', (coverage, t, line) => {
    expect(coverageLine(coverage, t)).toBe(line);
  });

  it('the terminal report says it under the score and marks the incomplete area', () => {
    const text = renderText(makeReport(), tEn, false);
    const lines = text.split('\n');
    const score = lines.findIndex((l) => l.startsWith('Score: 62'));
    expect(lines[score + 1]).toBe('The score covers 3 of 4 checks — 1 check could not run');
    expect(lines.find((l) => l.includes('Telephony'))).toMatch(/\(incomplete\)$/);
    expect(lines.find((l) => l.trim().startsWith('Card fields'))).not.toMatch(/incomplete/);
  });
});
