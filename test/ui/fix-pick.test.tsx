// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { scoreResults } from '../../src/audit/scoring';
import { planFor } from '../../src/fix/plan-for';
import { planChoices, takenNames } from '../../src/fix/pick';
import type { Plan } from '../../src/fix/types';
import type { SnapshotParts } from '../../src/snapshot/types';
import { focusablesIn } from '../../src/ui/Dialog';
import { snapshot } from '../audit/fixtures';
import { PICK_PARTS } from '../fix/pick-parts';
import { one, mountReady, unmountAll } from './harness';
import { defaultResults, reportFixture, result } from './fixtures';

afterEach(unmountAll);

/** Real plans of the engine over tiny account snapshots (names in the account's language, Russian). */
function realPlan(ruleId: string, parts: Partial<SnapshotParts>) {
  const snap = snapshot(parts);
  const plan = planFor(ruleId, snap, defaultBaseline(), 'en')!;
  return { plan, taken: takenNames(snap, [planChoices(plan)]) };
}
const stages = realPlan('default-stage-names', PICK_PARTS['default-stage-names']);
const source = realPlan('lead-source-field-missing', PICK_PARTS['lead-source-field-missing']);
/** A field required at the entry stage of two pipelines: the second PATCH is built on the first. */
const chain = realPlan('required-at-entry-stage', PICK_PARTS['required-at-entry-stage']);

/** The fixture report with the three rules failing and fixable, scored as the audit scores it. */
function report() {
  const results = defaultResults().map((r) =>
    r.ruleId === 'default-stage-names'
      ? { ...r, outcome: 'fail' as const, fix: { kind: 'confirm' as const, ops: 5 } }
      : r,
  );
  results.push(result('lead-source-field-missing', 'fields', 'fail', 'medium', { fix: { kind: 'safe', ops: 1 } }));
  const r = reportFixture({ results });
  r.score = scoreResults(r.results).score;
  return r;
}

async function open(plans: Plan[], taken = {}, ruleId = plans[0]!.ruleId) {
  const h = await mountReady({ reports: [report()], plans, taken });
  fireEvent.click(one(h.el, `[data-rule-id="${ruleId}"] [data-action="fix"]`));
  await waitFor(() => one(h.el, '[data-action="confirm-fix"]'));
  const dialog = one(h.el, '[role="dialog"]');
  const boxes = () => [...dialog.querySelectorAll<HTMLInputElement>('[data-action="include-op"]')];
  const inputs = () => [...dialog.querySelectorAll<HTMLInputElement>('[data-action="edit-name"]')];
  const confirm = () => one<HTMLButtonElement>(dialog, '[data-action="confirm-fix"]');
  return { ...h, dialog, boxes, inputs, confirm };
}

describe('the fix dialog: one checkbox per change', () => {
  it('unticking a change applies the rest; the change left out says so after applying', async () => {
    const d = await open([stages.plan], stages.taken);
    expect(d.boxes()).toHaveLength(stages.plan.ops.length);
    expect(d.boxes().every((b) => b.checked && !b.disabled)).toBe(true);
    expect(d.confirm().textContent).toBe(`Apply ${stages.plan.ops.length}`);
    fireEvent.click(d.boxes()[1]!);
    await waitFor(() => expect(d.confirm().textContent).toBe(`Apply ${stages.plan.ops.length - 1}`));
    expect(one(d.dialog, '[data-plan-rule-id]').getAttribute('data-included')).toBe('some');
    expect(one<HTMLInputElement>(d.dialog, '[data-action="include-plan"]').indeterminate).toBe(true);
    fireEvent.click(d.confirm());
    await waitFor(() => one(d.el, '[data-role="fix-outcome"]'));
    const keys = planChoices(stages.plan).ops.map((o) => o.key);
    expect(d.runner.calls.applyChoice).toEqual([{ pick: keys.filter((_, i) => i !== 1), names: {} }]);
    const statuses = [...d.dialog.querySelectorAll('[data-op-key]')].map((li) => li.getAttribute('data-op-status'));
    expect(statuses).toEqual(keys.map((_, i) => (i === 1 ? 'unchosen' : 'applied')));
    expect(d.dialog.querySelector('[data-op-status="unchosen"] .sa-op__status')!.textContent).toBe('Left out');
  });

  it('a change built on another is unticked and disabled with it, and says why; ticking the base brings it back', async () => {
    const d = await open([chain.plan]);
    const [base, dependant] = d.boxes();
    fireEvent.click(base!);
    await waitFor(() => expect(d.boxes()[1]!.disabled).toBe(true));
    expect(d.boxes()[1]!.checked).toBe(false);
    const needs = one(d.dialog, '[data-role="op-needs"]');
    expect(needs.textContent).toMatch(/^Needs «Field «Источник»: .*», which is unticked$/);
    expect(d.boxes()[1]!.getAttribute('aria-describedby')).toBe(needs.id);
    expect(d.confirm().hasAttribute('disabled')).toBe(true);
    fireEvent.click(base!);
    await waitFor(() => expect(d.boxes()[1]!.disabled).toBe(false));
    expect(dependant!.checked).toBe(true);
    // The base alone can go.
    fireEvent.click(d.boxes()[1]!);
    await waitFor(() => expect(d.confirm().textContent).toBe('Apply 1'));
  });

  it('the prediction counts only checks whose every change is ticked, and says so', async () => {
    const r = report();
    const d = await open([stages.plan], stages.taken);
    const whole = scoreResults(
      r.results.map((x) => (x.ruleId === 'default-stage-names' ? { ...x, outcome: 'pass' as const } : x)),
    ).score!;
    expect(one(d.dialog, '[data-role="score-change"]').textContent).toBe(
      `Predicted score: ${r.score} → ${whole} (+${whole - r.score!})`,
    );
    expect(d.dialog.querySelector('[data-role="score-partial"]')).toBeNull();
    fireEvent.click(d.boxes()[0]!);
    await waitFor(() => one(d.dialog, '[data-role="score-partial"]'));
    expect(d.dialog.querySelector('[data-role="score-change"]')).toBeNull();
  });

  it('"Fix all safe" has a checkbox per change too', async () => {
    const h = await mountReady({ reports: [report()], plans: [source.plan, chain.plan] });
    fireEvent.click(one(h.el, '[data-action="fix-all-safe"]'));
    await waitFor(() => expect(h.el.querySelectorAll('[data-action="include-op"]')).toHaveLength(3));
  });
});

describe('the fix dialog: the names it writes, editable', () => {
  it('prefilled with the plan’s names; the edit shows in the sentence and goes to the runner', async () => {
    const d = await open([source.plan], source.taken);
    const values = d.inputs().map((i) => i.value);
    expect(values[0]).toBe('Источник');
    expect(values.slice(1)).toEqual(
      defaultBaseline()
        .fields.find((f) => f.purpose === 'lead-source')!
        .options!.map((o) => o.ru),
    );
    expect(d.dialog.querySelector(`label[for="${d.inputs()[0]!.id}"]`)!.textContent).toBe('Field name');
    expect(d.dialog.querySelector(`label[for="${d.inputs()[1]!.id}"]`)!.textContent).toBe('Option 1');
    fireEvent.input(d.inputs()[0]!, { target: { value: '<b>Канал</b>' } });
    await waitFor(() => expect(one(d.dialog, '.sa-op__summary').textContent).toContain('«<b>Канал</b>»'));
    // Names are text: nothing the person types becomes markup.
    expect(d.dialog.querySelector('.sa-op__summary b')).toBeNull();
    fireEvent.input(d.inputs()[0]!, { target: { value: ' Канал ' } });
    fireEvent.click(d.confirm());
    await waitFor(() => one(d.el, '[data-role="fix-outcome"]'));
    const slot = planChoices(source.plan).ops[0]!.names[0]!.id;
    expect(d.runner.calls.applyChoice[0]!.names).toEqual({ [slot]: ' Канал ' });
  });

  it.each([
    { name: 'empty', value: '  ', error: 'Enter a name: it cannot be empty' },
    { name: 'too long', value: 'я'.repeat(256), error: 'Too long: 256 characters, at most 255' },
    {
      name: 'a field of the entity has it',
      value: 'причина  ОТКАЗА',
      error: 'A field named «Причина отказа» already exists here',
    },
  ])('$name: an inline error, the input marked invalid, Apply disabled until it is fixed', async ({ value, error }) => {
    const d = await open([source.plan], source.taken);
    const input = d.inputs()[0]!;
    fireEvent.input(input, { target: { value } });
    const shown = await waitFor(() => one(d.dialog, '[data-role="name-error"]'));
    expect(shown.textContent).toBe(error);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(shown.id);
    expect(d.confirm().hasAttribute('disabled')).toBe(true);
    expect(one(d.dialog, '[data-role="names-invalid"]').textContent).toBe('Correct the names marked above to apply.');
    fireEvent.click(d.confirm());
    expect(d.runner.calls.applyChoice).toEqual([]);
    fireEvent.input(input, { target: { value: 'Канал' } });
    await waitFor(() => expect(d.confirm().hasAttribute('disabled')).toBe(false));
    expect(d.dialog.querySelector('[data-role="name-error"]')).toBeNull();
  });

  it('two options alike are both marked; a stage renamed to the name of a stage renamed away is fine', async () => {
    const d = await open([source.plan], source.taken);
    fireEvent.input(d.inputs()[2]!, { target: { value: d.inputs()[1]!.value } });
    await waitFor(() => expect(d.dialog.querySelectorAll('[data-role="name-error"]')).toHaveLength(2));
    d.unmount();
    const s = await open([stages.plan], stages.taken);
    // Stage 1 «Первичный контакт» is renamed away, so stage 3 may take that name.
    fireEvent.input(s.inputs()[1]!, { target: { value: 'Первичный контакт' } });
    await waitFor(() => expect(s.inputs()[1]!.value).toBe('Первичный контакт'));
    expect(s.dialog.querySelector('[data-role="name-error"]')).toBeNull();
    // Untick stage 1's rename: the name is still taken.
    fireEvent.click(s.boxes()[0]!);
    await waitFor(() => one(s.dialog, '[data-role="name-error"]'));
    expect(one(s.dialog, '[data-role="name-error"]').textContent).toBe(
      'This pipeline already has a stage named «Первичный контакт»',
    );
  });

  it('an unticked change hides its inputs; Tab goes box, its names, next box, in order', async () => {
    const d = await open([source.plan, stages.plan], { ...source.taken, ...stages.taken }, 'default-stage-names');
    const order = focusablesIn(d.dialog).map((e) => e.getAttribute('data-action'));
    const firstOp = order.indexOf('include-op');
    expect(order.slice(firstOp, firstOp + 4)).toEqual(['include-op', 'edit-name', 'include-op', 'edit-name']);
    const before = d.inputs().length;
    fireEvent.click(d.boxes()[0]!);
    await waitFor(() => expect(d.inputs()).toHaveLength(before - 1));
  });
});
