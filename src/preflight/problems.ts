import type { Problem, ProblemSeverity } from './types';

/** Every problem code with its severity: the single place that decides what blocks an import. */
export const PROBLEM_SEVERITY: Record<string, ProblemSeverity> = {
  // bad files (fatal)
  'file-empty': 'error',
  'file-not-spreadsheet': 'error',
  'file-corrupt': 'error',
  'file-encrypted': 'error',
  'file-legacy-xls': 'error',
  'file-too-large': 'error',
  'file-too-many-rows': 'error',
  'file-zip-bomb': 'error',
  'file-headers-only': 'error',
  'file-cell-out-of-range': 'error',
  'file-quote-unclosed': 'error',
  'file-quote-stray': 'error',
  'file-mixed-encoding': 'error',
  // headers
  'header-near-miss': 'error',
  'header-unknown': 'warning',
  'header-duplicate': 'error',
  'header-empty': 'warning',
  'check-skipped': 'warning',
  // values
  'owner-unknown': 'error',
  'owner-inactive': 'error',
  'list-value-new': 'warning',
  'pipeline-unknown': 'error',
  'stage-unknown': 'error',
  'date-invalid': 'error',
  'number-invalid': 'error',
  'phone-invalid': 'error',
  'email-invalid': 'error',
  'row-duplicate': 'warning',
  'contact-exists': 'warning',
};

/** Build a problem; its message key is `preflight.problem.<code>` unless given. */
export function problem(
  code: string,
  row: number | null,
  column: string | null,
  params: Record<string, string | number> = {},
  suggestion?: string,
  key = `preflight.problem.${code}`,
): Problem {
  const p: Problem = {
    code,
    severity: PROBLEM_SEVERITY[code] ?? 'error',
    row,
    column,
    message: {
      key,
      params: { ...params, ...(column !== null ? { column } : {}), ...(suggestion ? { suggestion } : {}) },
    },
  };
  if (suggestion) p.suggestion = suggestion;
  return p;
}

/** Collects problems: exact counts per code, the row-level list capped per code. */
export class ProblemLog {
  readonly counts = new Map<string, number>();
  readonly list: Problem[] = [];
  truncated = false;
  constructor(private readonly capPerCode = 1000) {}

  add(p: Problem): void {
    const n = (this.counts.get(p.code) ?? 0) + 1;
    this.counts.set(p.code, n);
    if (n <= this.capPerCode) this.list.push(p);
    else this.truncated = true;
  }
}
