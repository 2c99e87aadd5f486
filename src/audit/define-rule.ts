import type { Rule } from './types';

/**
 * Declare a rule: metadata beside a pure check (and, for fixable rules, a pure plan
 * builder). Freezes the metadata so the registry can hand the same object to every run.
 */
export function defineRule(rule: Rule): Rule {
  Object.freeze(rule.meta.requires);
  if (rule.meta.optional) Object.freeze(rule.meta.optional);
  Object.freeze(rule.meta);
  return Object.freeze(rule);
}
