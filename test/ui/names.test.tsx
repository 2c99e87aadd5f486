// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import type { Item } from '../../src/audit/types';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { planFor } from '../../src/fix/plan-for';
import { changeText } from '../../src/ui/change-text';
import { ok, pipeline, snapshot } from '../audit/fixtures';
import { one, mountReady, t, unmountAll } from './harness';
import { defaultResults, reportFixture, result } from './fixtures';

// The account's own names as a demanding integrator meets them: right to left, looking like markup, 255
// characters with no space to break at. They render as text, keep their direction, and wrap.
afterEach(unmountAll);

const ARABIC = 'نوع الصفقة';
const HEBREW = 'שרה כהן';
const MARKUP = '<b>Жирное</b> <img src=x onerror=alert(1)>';
const LONG = 'W'.repeat(255);
const NAMES = [ARABIC, MARKUP, LONG];

/** An item of select-options-few as the rule words it ("Deal field “X”: 1 option"). */
function fieldItem(name: string, i: number): Item & { text: string } {
  const message = { key: 'items.select-options-few.leads', params: { name, count: 1 } };
  return { id: `field:${i}`, message, text: t(message.key, message.params), link: '/settings/custom_fields/' };
}

function reportWithNames() {
  const results = defaultResults().map((r) =>
    r.ruleId === 'select-options-few'
      ? result('select-options-few', 'fields', 'fail', 'low', { items: NAMES.map(fieldItem) })
      : r,
  );
  return reportFixture({ results });
}

async function openRow(el: HTMLElement, ruleId: string): Promise<HTMLElement> {
  fireEvent.click(one(el, `[data-rule-id="${ruleId}"] [data-action="toggle-result"]`));
  return waitFor(() => one(el, `[data-rule-id="${ruleId}"] .sa-items__list`));
}

describe('names from the account', () => {
  it('chips: each name whole, in its own direction (dir=auto), in full on hover, never as markup', async () => {
    const { el } = await mountReady({ reports: [reportWithNames()] });
    const chips = [...one(el, '[data-rule-id="select-options-few"]').querySelectorAll<HTMLElement>('.sa-chip')];
    expect(chips.map((c) => c.textContent)).toEqual(NAMES);
    for (const chip of chips) {
      expect(chip.getAttribute('dir')).toBe('auto');
      expect(chip.getAttribute('title')).toBe(chip.textContent);
    }
    expect(el.querySelector('.sa-chips b, .sa-chips img')).toBeNull();
  });

  it.each(NAMES.map((name, i) => [name.slice(0, 12), name, i] as const))(
    'item %s…: the sentence reads as the report says it, the name isolated in a <bdi>',
    async (_, name, i) => {
      const { el } = await mountReady({ reports: [reportWithNames()] });
      const list = await openRow(el, 'select-options-few');
      const li = one(list, `[data-item-id="field:${i}"]`);
      expect(li.textContent).toBe(fieldItem(name, i).text);
      expect([...li.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([name]);
      expect(li.querySelector('b, img')).toBeNull();
    },
  );

  it('an item the panel’s dictionary words differently (a report kept in another language) keeps the report’s text', async () => {
    const kept = { ...fieldItem(ARABIC, 0), text: `Поле сделки «${ARABIC}»: 1 вариант` };
    const results = defaultResults().map((r) =>
      r.ruleId === 'select-options-few' ? result('select-options-few', 'fields', 'fail', 'low', { items: [kept] }) : r,
    );
    const { el } = await mountReady({ reports: [reportFixture({ results })] });
    const list = await openRow(el, 'select-options-few');
    expect(one(list, '[data-item-id="field:0"]').textContent).toBe(kept.text);
  });

  it('the header isolates the account and the baseline name; markup stays text', async () => {
    const { el } = await mountReady({}, { accountName: MARKUP });
    const account = one(el, '.sa-header__account');
    expect(account.textContent).toBe(t('ui.header.account', { name: MARKUP }));
    expect(one(account, 'bdi').textContent).toBe(MARKUP);
    expect(account.querySelector('b, img')).toBeNull();
    expect(one(el, '.sa-header__baseline bdi').textContent).not.toBe('');
  });

  it('the history isolates who applied a fix and the names in every change', async () => {
    const journal = [
      {
        id: 'j1',
        batchId: 'b1',
        ruleId: 'export-open',
        title: { key: 'rules.export-open.fail' },
        appliedAt: '2025-03-01T10:05:00Z',
        by: HEBREW,
        undoneAt: null,
        ops: [
          {
            summary: { key: 'fix.op.roleRight.export.leads', params: { role: ARABIC, before: 'A', after: 'D' } },
            status: 'applied' as const,
          },
        ],
      },
    ];
    const { el } = await mountReady({ journal });
    const entry = await waitFor(() => one(el, '[data-entry-id="j1"]'));
    const names = [...entry.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(names).toContain(HEBREW);
    expect(names).toContain(ARABIC);
    const said = entry.querySelector('.sa-timeline__op span')!;
    expect(said.textContent).toBe(changeText(t, journal[0]!.ops[0]!.summary));
  });

  it('the fix preview isolates the names in every change (a pipeline named in Arabic)', async () => {
    const snap = snapshot({
      pipelines: ok([
        pipeline(10, ['Первичный контакт', 'Переговоры', 'Принимают решение'], { name: ARABIC, main: true }),
      ]),
    });
    const plan = planFor('default-stage-names', snap, defaultBaseline(), 'en')!;
    const results = defaultResults().map((r) =>
      r.ruleId === 'default-stage-names'
        ? { ...r, outcome: 'fail' as const, fix: { kind: 'confirm' as const, ops: 5 } }
        : r,
    );
    const { el } = await mountReady({ reports: [reportFixture({ results })], plans: [plan] });
    fireEvent.click(one(el, '[data-rule-id="default-stage-names"] [data-action="fix"]'));
    const dialog = await waitFor(() => one(el, '[role="dialog"]:has([data-action="confirm-fix"])'));
    const summaries = [...dialog.querySelectorAll('.sa-op__summary')];
    expect(summaries.length).toBe(plan.ops.length);
    summaries.forEach((s, i) => expect(s.textContent).toBe(changeText(t, plan.ops[i]!.summary)));
    const isolatedNames = summaries.flatMap((s) => [...s.querySelectorAll('bdi')].map((b) => b.textContent));
    expect(isolatedNames).toContain(ARABIC);
    expect(isolatedNames).toContain('Первичный контакт');
  });
});
