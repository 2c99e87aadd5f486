/** The budgets of design §6, checked against the bench's figures: met, or missed by how much. */

/** One budget's verdict. */
export interface Verdict {
  budget: string;
  measured: string;
  met: boolean;
  detail: string;
}

/** A "less (or no more) than" budget on a number. */
export function atMost(budget: string, measured: number, limit: number, unit: string, strict = false): Verdict {
  const met = strict ? measured < limit : measured <= limit;
  const fmt = (n: number) => `${Math.round(n * 100) / 100}${unit}`;
  return {
    budget,
    measured: fmt(measured),
    met,
    detail: met
      ? 'met'
      : `missed by ${fmt(measured - limit)} (${Math.round(((measured - limit) / limit) * 1000) / 10}% over)`,
  };
}

/** A yes/no budget. */
export function holds(budget: string, ok: boolean, measured: string, why = ''): Verdict {
  return { budget, measured, met: ok, detail: ok ? 'met' : `missed${why ? `: ${why}` : ''}` };
}
