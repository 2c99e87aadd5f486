import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../src/cli/dict';
import { fixableRuleIds } from '../../src/fix/plan-for';
import { emulatedWorkflow } from '../support/workflow';
import { touchedState } from '../fix/harness';

/** A workflow in Russian over a fresh in-process emulator of `seed`. */
function setup(seed: string) {
  const { emulator, workflow } = emulatedWorkflow(seed, { lang: 'ru', dict: dictionaryFor('ru') });
  return { emulator, workflow };
}

// Ticking everything must mean what no choice means: the keys survive the executor's recomputation on every
// seed — also in "Fix all safe", where each plan is recomputed after the ones before it were applied.
describe.each(['messy', 'fresh', 'clean', 'busy'])('%s: every change ticked applies what no choice applies', (seed) => {
  const selections = [['all-safe'] as const, ...fixableRuleIds().map((id) => [[id]] as const)];
  it.each(selections)('%j', async (selection) => {
    const ticked = setup(seed);
    const plain = setup(seed);
    await ticked.workflow.audit();
    await plain.workflow.audit();
    const { outcome: preview } = await ticked.workflow.preview(selection);
    const { outcome: same } = await plain.workflow.preview(selection);
    if (!preview.plans.some((p) => p.ops.length > 0)) return;
    const pick = preview.choices.flatMap((c) => c.ops.map((o) => o.key));
    const { outcome } = await ticked.workflow.apply(preview, { pick });
    const { outcome: expected } = await plain.workflow.apply(same);
    if (outcome.status === 'refused') throw new Error(`${seed}: ${outcome.message.key}`);
    expect(outcome.status).toBe(expected.status);
    expect(outcome.plans.map((p) => [p.ruleId, p.status])).toEqual(
      expected.status === 'refused' ? [] : expected.plans.map((p) => [p.ruleId, p.status]),
    );
    expect(touchedState(ticked.emulator)).toBe(touchedState(plain.emulator));
  });
});
