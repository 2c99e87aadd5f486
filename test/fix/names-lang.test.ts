import { describe, expect, it } from 'vitest';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { namesLang, planFor } from '../../src/fix/plans/index';
import type { Snapshot } from '../../src/snapshot/types';
import { auditSeed } from '../support/emulated';

function withLanguage(snapshot: Snapshot, language: string | undefined): Snapshot {
  const s = structuredClone(snapshot);
  if ('data' in s.parts.account) s.parts.account.data.language = language;
  return s;
}

describe('names a fix writes follow the account language when the API gives it', () => {
  it.each([
    ['en', 'ru', 'Source'],
    ['ru', 'en', 'Источник'],
    [undefined, 'en', 'Source'],
    ['es', 'ru', 'Источник'],
  ] as const)('account language %s, user language %s → «%s»', async (language, userLang, name) => {
    const { snapshot } = await auditSeed('messy');
    const s = withLanguage(snapshot, language);
    expect(namesLang(s, userLang)).toBe(language === 'ru' || language === 'en' ? language : userLang);
    const plan = planFor('lead-source-field-missing', s, defaultBaseline(), userLang)!;
    expect((plan.ops[0]!.body as { name: string }[])[0]!.name).toBe(name);
  });
});
