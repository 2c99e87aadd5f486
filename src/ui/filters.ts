import type { RuleResult, Severity } from '../audit/types';

/** Outcomes a filter chip can pick. */
export type FilterOutcome = 'fail' | 'needs-review' | 'manual';

/** What the sticky bar narrows the report to; the empty filter shows everything. */
export interface Filter {
  outcomes: readonly FilterOutcome[];
  fixable: boolean;
  severity: Severity | null;
  query: string;
}

/** Shows everything. */
export const NO_FILTER: Filter = Object.freeze({ outcomes: [], fixable: false, severity: null, query: '' });

/** True when the filter narrows anything. */
export function isFiltering(filter: Filter): boolean {
  return filter.outcomes.length > 0 || filter.fixable || filter.severity !== null || filter.query.trim() !== '';
}

/** Text a search looks in: names of the account's things live in item texts, so those count too. */
function haystack(result: RuleResult): string {
  // A bounded window: a result with thousands of items must not make every keystroke slow.
  const items = result.items.slice(0, 200).map((i) => i.text);
  return [result.title, result.message, ...items].join('\n').toLocaleLowerCase();
}

/** True when the result passes the filter (chips of one kind are alternatives; kinds combine). */
export function matches(result: RuleResult, filter: Filter): boolean {
  if (filter.outcomes.length > 0 && !filter.outcomes.includes(result.outcome as FilterOutcome)) return false;
  if (filter.fixable && result.fix === null) return false;
  if (filter.severity !== null && result.severity !== filter.severity) return false;
  const query = filter.query.trim().toLocaleLowerCase();
  return query === '' || haystack(result).includes(query);
}
