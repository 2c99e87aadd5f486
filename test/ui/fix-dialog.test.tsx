// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import type { Plan } from '../../src/fix/types';
import { scoreResults } from '../../src/audit/scoring';
import { one, mountReady, unmountAll } from './harness';
import { defaultPlans } from './fake-runner';
import { reportFixture } from './fixtures';

afterEach(unmountAll);

const dialog = (el: HTMLElement) => one(el, '[role="dialog"]');
const summaries = (el: HTMLElement) => [...dialog(el).querySelectorAll('.sa-op__summary')].map((s) => s.textContent);

/** The fixture report with its overall score as the audit computes it, so predictions can be checked. */
function honestReport() {
  const report = reportFixture();
  report.score = scoreResults(report.results).score;
  return report;
}

const rightsPlan: Plan = {
  ruleId: 'loss-reason-missing',
  kind: 'confirm',
  touches: ['roles'],
  ops: [
    {
      method: 'PATCH',
      path: '/api/v4/roles/101',
      body: {},
      before: null,
      summary: { key: 'fix.op.roleRight.export.leads', params: { role: 'Менеджер', before: 'A', after: 'D' } },
    },
    {
      method: 'PATCH',
      path: '/api/v4/roles/101',
      body: {},
      before: null,
      summary: { key: 'fix.op.roleRight.delete.contacts', params: { role: 'Менеджер', before: 'G', after: 'M' } },
    },
  ],
  manual: [{ key: 'fix.manual.userNoRole.export', params: { user: 'Кирилл Фролов' } }],
};

describe('the fix dialog', () => {
  it('says rights in words, not letters, and lists what stays to do by hand before you confirm', async () => {
    const { el } = await mountReady({ plans: [rightsPlan] });
    fireEvent.click(one(el, '[data-rule-id="loss-reason-missing"] [data-action="fix"]'));
    await waitFor(() => expect(summaries(el)).toHaveLength(2));
    expect(summaries(el)).toEqual([
      'Role «Менеджер» — export deals: everyone → nobody',
      'Role «Менеджер» — delete contacts: their group → own records only',
    ]);
    expect(one(dialog(el), '[data-role="by-hand"]').textContent).toContain(
      "User «Кирилл Фролов» has no role: deny export by hand or assign a role (the API cannot change a user's rights)",
    );
  });

  it('predicts the score change of what is ticked; an unticked plan is not applied', async () => {
    const report = honestReport();
    const { el, runner } = await mountReady({ reports: [report] });
    fireEvent.click(one(el, '[data-action="fix-all-safe"]'));
    await waitFor(() => expect(dialog(el).querySelectorAll('[data-plan-rule-id]')).toHaveLength(2));
    // Fixture: fields has 1 pass (medium 3) and 3 failures (low 1, high 7, medium 3); both safe fixes pass 8 more.
    const predicted = (ids: string[]) =>
      scoreResults(report.results.map((r) => (ids.includes(r.ruleId) ? { ...r, outcome: 'pass' as const } : r))).score;
    const both = predicted(['required-statuses-stale', 'required-at-entry-stage'])!;
    expect(one(el, '[data-role="score-change"]').textContent).toBe(
      `Predicted score: ${report.score} → ${both} (+${both - report.score!})`,
    );
    expect(one(el, '[data-action="confirm-fix"]').textContent).toBe('Apply 3');
    fireEvent.click(one(el, '[data-plan-rule-id="required-at-entry-stage"] [data-action="include-plan"]'));
    await waitFor(() => expect(one(el, '[data-action="confirm-fix"]').textContent).toBe('Apply 1'));
    const one_ = predicted(['required-statuses-stale'])!;
    expect(one(el, '[data-role="score-change"]').textContent).toBe(
      `Predicted score: ${report.score} → ${one_} (+${one_ - report.score!})`,
    );
    expect(one(el, '[data-plan-rule-id="required-at-entry-stage"]').getAttribute('data-included')).toBe('false');
    fireEvent.click(one(el, '[data-action="confirm-fix"]'));
    await waitFor(() => one(el, '[data-role="fix-outcome"]'));
    expect(runner.calls.applyFix).toEqual([['required-statuses-stale']]);
  });

  it('with every plan unticked there is nothing to apply', async () => {
    const { el, runner } = await mountReady({ plans: defaultPlans() });
    fireEvent.click(one(el, '[data-rule-id="required-at-entry-stage"] [data-action="fix"]'));
    const box = await waitFor(() => one<HTMLInputElement>(el, '[data-action="include-plan"]'));
    fireEvent.click(box);
    await waitFor(() => expect(one(el, '[data-action="confirm-fix"]').hasAttribute('disabled')).toBe(true));
    fireEvent.click(one(el, '[data-action="confirm-fix"]'));
    expect(runner.calls.applyFix).toEqual([]);
  });
});
