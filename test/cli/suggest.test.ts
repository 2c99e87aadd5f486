import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, SPECS } from '../../src/cli/specs';
import { closest, editDistance } from '../../src/cli/suggest';
import { RULES } from '../../src/audit/registry';

describe('"did you mean"', () => {
  it.each([
    ['audit', 'audit', 0],
    ['audti', 'audit', 1],
    ['formt', 'format', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('editDistance(%s, %s) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  const flags = Object.keys(SPECS.audit.flags);
  const rules = RULES.map((r) => r.meta.id);
  it.each([
    ['audti', COMMAND_NAMES, 'audit'],
    ['exprot', COMMAND_NAMES, 'export'],
    ['fxi', COMMAND_NAMES, 'fix'],
    ['preflght', COMMAND_NAMES, 'preflight'],
    ['frobnicate', COMMAND_NAMES, undefined],
    ['formt', flags, 'format'],
    ['fail-undr', flags, 'fail-under'],
    ['snap', flags, 'snapshot'],
    ['x', flags, undefined],
    ['required-at-entry', rules, 'required-at-entry-stage'],
    ['unsorted-of', rules, 'unsorted-off'],
    ['nonsense-rule', rules, undefined],
  ] as const)('%s among the known → %s', (word, known, guess) => {
    expect(closest(word, known)).toBe(guess);
  });
});
