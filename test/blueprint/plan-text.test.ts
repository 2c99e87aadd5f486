import { describe, expect, it } from 'vitest';
import type { BlueprintPlan } from '../../src/blueprint/plan';
import { emptySection } from '../../src/blueprint/plan/section';
import { planText } from '../../src/cli/commands/blueprint-io';
import type { Op } from '../../src/fix/types';
import { dictionaryFor } from '../../src/i18n/dictionaries';
import type { Lang } from '../../src/i18n/langs';
import { createTranslator } from '../../src/i18n/translate';

/** A plan whose loss-reasons section holds `n` changes (their sentences are not what this test reads). */
function planOf(n: number): BlueprintPlan {
  const op: Op = {
    method: 'POST',
    path: '/api/v4/leads/custom_fields',
    body: [],
    before: null,
    summary: { key: 'blueprint.cli.empty' },
  };
  return { sections: [{ ...emptySection('loss-reasons'), ops: Array.from({ length: n }, () => op) }], manual: [] };
}

// The CLI's `plan`/`apply` heading of a section counts its changes in the language's plural form.
describe('a document plan as CLI text: the section heading counts its changes', () => {
  it.each<[Lang, number, string]>([
    ['en', 1, 'Loss reasons: 1 change'],
    ['en', 3, 'Loss reasons: 3 changes'],
    ['es', 1, '1 cambio'],
    ['es', 2, '2 cambios'],
    ['pt', 1, '1 mudança'],
    ['pt', 5, '5 mudanças'],
    ['ru', 1, 'изменений: 1'],
    ['tr', 2, '2 değişiklik'],
    ['id', 2, '2 perubahan'],
  ])('%s, %i change(s): «%s»', (lang, n, want) => {
    const t = createTranslator(dictionaryFor(lang), lang);
    const heading = planText(planOf(n), t, 'doc.xlsx').split('\n')[2]!;
    expect(heading.endsWith(want), heading).toBe(true);
    expect(heading.startsWith(t('blueprint.section.loss-reasons'))).toBe(true);
  });
});
