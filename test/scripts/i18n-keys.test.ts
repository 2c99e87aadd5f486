import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findI18nProblems } from '../../scripts/i18n/keys';

// A tiny source tree that uses ui.title and ui.count, so neither is an orphan.
const root = mkdtempSync(join(tmpdir(), 'i18n-keys-'));
mkdirSync(join(root, 'src'));
writeFileSync(join(root, 'src', 'use.ts'), "t('ui.title'); t('ui.count', { count });\n");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const forms = (one: string, other: string) => ({ one, few: other, many: other, other });
const RU = Object.freeze({ ui: { title: 'Аудит', count: forms('{count} шаг', '{count} шагов') } });
const EN = Object.freeze({ ui: { title: 'Audit', count: forms('{count} step', '{count} steps') } });
const ES = Object.freeze({ ui: { title: 'Auditoría', count: forms('{count} paso', '{count} pasos') } });

const check = (dicts: Record<string, object>) => findI18nProblems({ dicts: dicts as never, root });

describe('the i18n check covers every language file against ru.json', () => {
  it('passes three complete languages', () => {
    expect(check({ ru: RU, en: EN, es: ES })).toEqual([]);
  });

  it.each<[string, object, RegExp]>([
    ['a missing key', { ui: { count: ES.ui.count } }, /^ui\.title: in ru\.json, missing in es\.json$/],
    ['an extra key', { ui: { ...ES.ui, extra: 'x' } }, /^ui\.extra: in es\.json, not in ru\.json$/],
    ['an empty text', { ui: { ...ES.ui, title: ' ' } }, /^ui\.title: empty text in es\.json$/],
    [
      'plural forms of another shape',
      { ui: { ...ES.ui, count: { one: '{count} paso', many: '{count} pasos', other: '{count} pasos' } } },
      /^es\.json: plural forms differ from ru\.json \(e\.g\. ui\.count\.few\)/,
    ],
    [
      'a dropped placeholder',
      { ui: { ...ES.ui, title: 'Auditoría {name}' } },
      /^ui\.title: placeholders in es\.json \(name\) differ from ru\.json \(\)$/,
    ],
  ])('names %s in es.json', (_, es, problem) => {
    const problems = check({ ru: RU, en: EN, es });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('needs ru.json as the reference', () => {
    expect(check({ en: EN, es: ES })).toEqual(['i18n/ru.json: missing (the reference dictionary)']);
  });
});
