import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizeName, normalizePhone } from '../../src/audit/normalize';
import {
  activePipelines,
  entryStage,
  isActiveUser,
  mainPipeline,
  unsortedStage,
  workingStages,
} from '../../src/audit/terms';
import { pipeline, user } from './fixtures';

describe('normalize', () => {
  it.each([
    ['  Первичный   контакт ', 'первичный контакт'],
    ['ЁЛКА', 'елка'],
    ['е\u0308лка', 'елка'],
    ['Initial\tContact', 'initial contact'],
    ['', ''],
  ])('name %j → %j', (input, out) => expect(normalizeName(input)).toBe(out));

  it.each([
    ['+7 (916) 123-45-67', '9161234567'],
    ['8 916 123 45 67', '9161234567'],
    ['12-34', '1234'],
    [79161234567, '9161234567'],
    [null, ''],
  ] as const)('phone %j → %j', (input, out) => expect(normalizePhone(input)).toBe(out));

  it.each([
    [' Ivan@Example.COM ', 'ivan@example.com'],
    [null, ''],
  ] as const)('email %j → %j', (input, out) => expect(normalizeEmail(input)).toBe(out));
});

describe('terms', () => {
  it('active = is_active and not free', () => {
    expect([user(1), user(2, { active: false }), user(3, { free: true })].map(isActiveUser)).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('working stages exclude unsorted, 142, 143 and follow sort; entry = first', () => {
    const p = pipeline(10, ['A', 'B']);
    // shuffle the API order: sort decides
    const shuffled = { ...p, _embedded: { statuses: [...p._embedded.statuses].reverse() } };
    expect(workingStages(shuffled).map((s) => s.name)).toEqual(['A', 'B']);
    expect(entryStage(shuffled)!.id).toBe(101);
    expect(unsortedStage(shuffled)!.id).toBe(100);
  });

  it('main pipeline by flag, falling back to the first active; archived are not active', () => {
    const a = pipeline(20, ['A'], { archive: true });
    const b = pipeline(30, ['A']);
    expect(mainPipeline([a, b, pipeline(40, ['A'], { main: true })])!.id).toBe(40);
    expect(mainPipeline([a, b])!.id).toBe(30);
    expect(activePipelines([a, b]).map((p) => p.id)).toEqual([30]);
  });
});
