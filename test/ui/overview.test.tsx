// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { AREAS } from '../../src/audit/types';
import type { RuleResult } from '../../src/audit/types';
import { gainOf, topFixes } from '../../src/ui/score-gain';
import { focusablesIn } from '../../src/ui/Dialog';
import { one, mountReady, unmountAll } from './harness';
import { deferred } from './fake-runner';
import { defaultResults, items, reportFixture, result } from './fixtures';

afterEach(unmountAll);

// A tiny report whose scores are worked out by hand (weights: critical 10, high 7, medium 3, low 1):
// fields 3 of 10 → 30; rights 0 of 4 → 0; pipeline capped at 0 by its critical failure; overall
// (30·10 + 0·4 + 0·17) / 31 → 10.
function scored(): RuleResult[] {
  return [
    result('a-high', 'fields', 'fail', 'high', { fix: { kind: 'confirm', ops: 1 }, items: items('field', 2) }),
    result('b-pass', 'fields', 'pass', 'medium'),
    result('c-medium', 'rights', 'fail', 'medium', { fix: { kind: 'safe', ops: 1 } }),
    result('d-low', 'rights', 'fail', 'low'),
    result('e-critical', 'pipeline', 'fail', 'critical'),
    result('f-pass', 'pipeline', 'pass', 'high'),
  ];
}

const row = (el: HTMLElement, id: string) => one(el, `[data-rule-id="${id}"]`);
const rowToggle = (el: HTMLElement, id: string) => one(el, `[data-rule-id="${id}"] [data-action="toggle-result"]`);
const visibleRows = (el: HTMLElement) =>
  [...el.querySelectorAll<HTMLElement>('.sa-areas [data-rule-id]')]
    .filter((r) => !r.closest('[hidden]'))
    .map((r) => r.getAttribute('data-rule-id'));

describe('score gain', () => {
  it.each([
    ['a-high', 22], // fields 100 → (1000) / 31 = 32
    ['c-medium', 9], // rights 75 → (300 + 300) / 31 = 19
    ['d-low', 3], // rights 25 → (300 + 100) / 31 = 13
    ['e-critical', 55], // the cap lifts: pipeline 100 → (300 + 1700) / 31 = 65
  ])('fixing %s gains %i points', (ruleId, gain) => {
    expect(gainOf(reportFixture({ results: scored() }), [ruleId])).toBe(gain);
  });

  it('top fixes: the five largest gains, automatic ones first; without fix rights none is automatic', () => {
    const report = reportFixture({ results: scored() });
    expect(topFixes(report, true).map((f) => `${f.result.ruleId}+${f.gain}${f.automatic ? '*' : ''}`)).toEqual([
      'a-high+22*',
      'c-medium+9*',
      'e-critical+55',
      'd-low+3',
    ]);
    expect(topFixes(report, false).map((f) => f.result.ruleId)).toEqual(['e-critical', 'a-high', 'c-medium', 'd-low']);
    expect(topFixes(report, true, 2).map((f) => f.result.ruleId)).toEqual(['a-high', 'e-critical']);
  });
});

describe('overview', () => {
  it('a tile per area in setup order, score and band, open counts; a tile takes you to its area', async () => {
    const { el } = await mountReady();
    const tiles = [...el.querySelectorAll<HTMLElement>('[data-area-score]')];
    expect(tiles.map((t) => t.getAttribute('data-area'))).toEqual([...AREAS]);
    const fields = one(el, '[data-area-score][data-area="fields"]');
    // Fixture area score: 1 pass of 4 judged → 25, "poor"; forms has nothing judged → no score.
    expect(fields.getAttribute('data-area-score')).toBe('25');
    expect(fields.getAttribute('data-band')).toBe('poor');
    expect(fields.textContent).toContain('3 failed');
    expect(fields.textContent).toContain('1 to review');
    expect(one(el, '[data-area-score][data-area="rights"]').getAttribute('data-band')).toBe('good');
    expect(one(el, '[data-area-score][data-area="forms"]').getAttribute('data-area-score')).toBe('');
    expect(one(el, '[data-area-score][data-area="mail"]').textContent).toContain('1 not checked');
    fireEvent.click(one(el, '[data-area-score][data-area="telephony"]'));
    await waitFor(() =>
      expect(document.activeElement).toBe(one(el, 'section[data-area="telephony"] [data-action="toggle-area"]')),
    );
  });

  it('"Top fixes" shows "+gain · Fix": Fix opens the fix preview, Show opens and focuses the finding', async () => {
    const { el, runner } = await mountReady({ reports: [reportFixture({ results: scored() })] });
    const top = [...el.querySelectorAll('[data-top-fix]')];
    expect(top.map((t) => `${t.getAttribute('data-top-fix')}+${t.getAttribute('data-gain')}`)).toEqual([
      'a-high+22',
      'c-medium+9',
      'e-critical+55',
      'd-low+3',
    ]);
    expect(top[0]!.textContent).toBe('+22Title of a-highFix');
    fireEvent.click(one(top[0]!, '[data-action="top-fix"]'));
    await waitFor(() => expect(runner.calls.previewFix).toEqual([['a-high']]));
    fireEvent.click(one(el, '[data-action="close-dialog"]'));
    await waitFor(() => expect(el.querySelector('[role="dialog"]')).toBeNull());
    fireEvent.click(one(top[2]!, '[data-action="show-result"]'));
    await waitFor(() => expect(document.activeElement).toBe(rowToggle(el, 'e-critical')));
    expect(rowToggle(el, 'e-critical').getAttribute('aria-expanded')).toBe('true');
    expect(row(el, 'e-critical').textContent).toContain('Why e-critical matters');
  });

  it('each finding row carries its gain on the Fix button', async () => {
    const { el } = await mountReady({ reports: [reportFixture({ results: scored() })] });
    expect(one(row(el, 'a-high'), '[data-action="fix"]').textContent).toBe('+22 · Fix');
    expect(one(row(el, 'c-medium'), '[data-action="fix"]').textContent).toBe('+9 · Fix');
    expect(row(el, 'd-low').querySelector('[data-action="fix"]')).toBeNull();
  });

  it('100 with open decisions reads "100 — 3 decisions left"; marking one reviewed keeps who and when', async () => {
    const results = [
      result('ok', 'fields', 'pass', 'high'),
      result('web-form-absent', 'forms', 'needs-review', 'medium'),
      result('test-call-made', 'telephony', 'manual', 'info'),
      result('test-chat-sent', 'channels', 'manual', 'info'),
    ];
    const { el, runner } = await mountReady({ reports: [reportFixture({ results, score: 100, grade: 'A' })] });
    expect(one(el, '[data-role="score-line"]').textContent).toBe('100 — 3 decisions left');
    expect(one(el, '[data-role="toolbar"]').textContent).toContain('100 — 3 decisions left');
    expect(one(el, '[data-count="decisions"]').textContent).toBe('Decisions left: 3');
    // The queue and the row in the area are one control.
    const queue = one(el, '[data-decision-rule-id="web-form-absent"]');
    fireEvent.click(one(queue, '[data-action="mark-reviewed"]'));
    await waitFor(() => expect(one(el, '[data-role="score-line"]').textContent).toBe('100 — 2 decisions left'));
    expect(runner.calls.setTick).toEqual([['web-form-absent', true]]);
    expect(one(queue, '[data-role="tick-info"]').textContent).toMatch(/^Reviewed by Anna Admin, /);
    expect(one(queue, '[data-action="mark-reviewed"]').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(rowToggle(el, 'web-form-absent'));
    await waitFor(() => expect(row(el, 'web-form-absent').querySelector('[data-role="tick-info"]')).not.toBeNull());
    expect(one(row(el, 'web-form-absent'), '[data-action="mark-reviewed"]').getAttribute('aria-pressed')).toBe('true');
    // Ticking the two manual checks leaves nothing to decide.
    for (const id of ['test-call-made', 'test-chat-sent'])
      fireEvent.click(one(el, `[data-decision-rule-id="${id}"] [data-action="tick"]`));
    await waitFor(() => expect(one(el, '[data-role="score-line"]').textContent).toBe('100 — no decisions left'));
  });

  it('the score says what it rests on: judged checks and those that could not be checked', async () => {
    const { el } = await mountReady();
    // Fixture: 11 pass or fail, 1 error (mail-activity-absent).
    expect(one(el, '[data-role="coverage"]').textContent).toBe('Based on 11 checks · 1 could not be checked');
    expect(one(el, '[data-count="error"]').textContent).toBe('Not checked: 1');
    expect(one(el, '[data-role="coverage"]').getAttribute('data-incomplete')).toBe('true');
    // The area whose check could not run says its score is incomplete; the others do not.
    expect(one(el, '[data-area-score][data-area="mail"]').getAttribute('data-incomplete')).toBe('true');
    expect(one(el, '[data-area-score][data-area="mail"]').textContent).toContain('incomplete');
    expect(one(el, '[data-area-score][data-area="fields"]').hasAttribute('data-incomplete')).toBe(false);
  });
});

describe('findings', () => {
  it('one line each until opened; passed and not-applicable collapse into one "Passed (n)" line per area', async () => {
    const { el } = await mountReady();
    const rights = one(el, 'section[data-area="rights"]');
    const passed = one(rights, '[data-action="toggle-passed"]');
    expect(passed.textContent).toBe('Passed (2)');
    expect(passed.getAttribute('aria-expanded')).toBe('false');
    expect(visibleRows(el)).not.toContain('export-open');
    fireEvent.click(passed);
    await waitFor(() => expect(visibleRows(el)).toContain('export-open'));
    expect(one(el, 'section[data-area="channels"] [data-action="toggle-passed"]').textContent).toBe('Passed (1)');
    expect(el.textContent).not.toContain('Why required-at-entry-stage matters');
  });

  it('a closed row has at most 3 tab stops; its chips name what it points at', async () => {
    const results = defaultResults(40);
    const { el } = await mountReady({ reports: [reportFixture({ results })] });
    for (const r of el.querySelectorAll<HTMLElement>('.sa-areas [data-rule-id]')) {
      if (r.closest('[hidden]')) continue;
      expect(focusablesIn(r).length, r.getAttribute('data-rule-id')!).toBeLessThanOrEqual(3);
    }
    expect(row(el, 'required-at-entry-stage').querySelector('.sa-chips')).toBeNull();
    const named = defaultResults();
    named.find((r) => r.ruleId === 'required-at-entry-stage')!.items = [
      { id: 'f1', message: { key: 'k', params: { field: 'Бюджет' } }, text: 't1' },
      { id: 'f2', message: { key: 'k', params: { field: 'Бюджет' } }, text: 't2' },
      { id: 'f3', message: { key: 'k', params: { field: 'Адрес' } }, text: 't3' },
      { id: 'f4', message: { key: 'k', params: { user: 'Анна' } }, text: 't4' },
      { id: 'f5', message: { key: 'k', params: { stage: 'Договор' } }, text: 't5' },
    ];
    unmountAll();
    const h = await mountReady({ reports: [reportFixture({ results: named })] });
    const chips = [...row(h.el, 'required-at-entry-stage').querySelectorAll('.sa-chip')].map((c) => c.textContent);
    expect(chips).toEqual(['Бюджет', 'Адрес', 'Анна', '+1']);
  });

  it('filters: chips by outcome combine as alternatives, with fixable, severity and search narrowing further', async () => {
    const { el } = await mountReady();
    const chip = (f: string) => one(el, `[data-filter="${f}"]`);
    fireEvent.click(chip('fail'));
    await waitFor(() => expect(chip('fail').getAttribute('aria-pressed')).toBe('true'));
    expect(visibleRows(el)).toEqual([
      'required-at-entry-stage',
      'loss-reason-missing',
      'required-statuses-stale',
      'duplicate-contacts',
    ]);
    fireEvent.click(chip('needs-review'));
    await waitFor(() => expect(visibleRows(el)).toContain('web-form-absent'));
    expect(visibleRows(el)).toContain('select-options-few');
    fireEvent.click(chip('fixable'));
    await waitFor(() =>
      expect(visibleRows(el)).toEqual(['required-at-entry-stage', 'loss-reason-missing', 'required-statuses-stale']),
    );
    const severity = one<HTMLSelectElement>(el, '[data-filter="severity"]');
    severity.value = 'low';
    fireEvent.change(severity);
    await waitFor(() => expect(visibleRows(el)).toEqual(['required-statuses-stale']));
    fireEvent.click(one(el, '[data-action="clear-filters"]'));
    await waitFor(() => expect(visibleRows(el)).toContain('duplicate-contacts'));
    // Search looks in titles and in the names items carry.
    const search = one<HTMLInputElement>(el, '[data-filter="search"]');
    search.value = 'CONTACT #3';
    fireEvent.input(search);
    await waitFor(() => expect(visibleRows(el)).toEqual(['duplicate-contacts']));
    expect(el.textContent).toContain('1 finding shown');
    expect(one(el, 'section[data-area="rights"]').textContent).toContain('No finding in this area matches the filter.');
  });

  it('"Open all" opens every finding and closes them again', async () => {
    const { el } = await mountReady();
    const toggles = () =>
      [...el.querySelectorAll('.sa-areas [data-action="toggle-result"]')].map((b) => b.getAttribute('aria-expanded'));
    expect(new Set(toggles())).toEqual(new Set(['false']));
    fireEvent.click(one(el, '[data-action="expand-all"]'));
    await waitFor(() => expect(new Set(toggles())).toEqual(new Set(['true'])));
    expect(el.textContent).toContain('Why required-at-entry-stage matters');
    fireEvent.click(rowToggle(el, 'duplicate-contacts'));
    await waitFor(() => expect(rowToggle(el, 'duplicate-contacts').getAttribute('aria-expanded')).toBe('false'));
    fireEvent.click(one(el, '[data-action="expand-all"]'));
    await waitFor(() => expect(new Set(toggles())).toEqual(new Set(['false'])));
  });

  it('a phone group shows the number formatted and links to each of its records, by name where known', async () => {
    const results = defaultResults();
    results.find((r) => r.ruleId === 'duplicate-contacts')!.items = [
      {
        id: 'phone:9034834111',
        message: {
          key: 'items.duplicate-contacts.phoneNamed',
          params: { count: 3, value: '9034834111', names: 'Анна, <b>Борис</b>, #43' },
        },
        text: 'Phone 9034834111: 3 contacts — Анна, <b>Борис</b>, #43',
        link: '/contacts/detail/41',
        data: {
          kind: 'phone',
          key: '9034834111',
          contact_ids: [41, 42, 43],
          contact_names: ['Анна', '<b>Борис</b>', null],
        },
      },
    ];
    const { el } = await mountReady({ reports: [reportFixture({ results })] });
    expect(one(row(el, 'duplicate-contacts'), '.sa-chip').textContent).toBe('(903) 483-41-11');
    fireEvent.click(rowToggle(el, 'duplicate-contacts'));
    const item = await waitFor(() => one(el, '[data-item-id="phone:9034834111"]'));
    expect(item.textContent).toContain('(903) 483-41-11');
    expect(item.textContent).not.toContain('9034834111');
    expect([...item.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/contacts/detail/41',
      '/contacts/detail/42',
      '/contacts/detail/43',
    ]);
    // Names from the account are text, never markup; a contact without a name keeps its number.
    expect([...item.querySelectorAll('a')].map((a) => a.textContent)).toEqual([
      'Анна (#41)',
      '<b>Борис</b> (#42)',
      'Contact 3 (#43)',
    ]);
    expect(item.querySelector('b')).toBeNull();
  });
});

describe('a score that rests on part of the account is marked provisional', () => {
  afterEach(unmountAll);
  const fields = result('custom-fields-missing', 'fields', 'pass', 'medium');
  const partial = {
    report: reportFixture({ results: [fields] }),
    pendingRules: ['duplicate-contacts'],
    pendingParts: ['contacts' as const],
    readyAreas: ['fields' as const],
  };

  it('while parts stream, and still after Cancel (what is known stays, but it is not the whole account)', async () => {
    const gate = deferred();
    const { el, store } = await mountReady({ provisional: [partial], auditGate: gate });
    expect(el.querySelector('.sa-overview__score')?.getAttribute('data-provisional')).toBe('true');
    await store.dispatch({ type: 'cancel-audit' });
    await waitFor(() => expect(store.getState().audit.status).toBe('cancelled'));
    expect(store.getState().provisional).not.toBeNull();
    expect(el.querySelector('.sa-overview__score')?.getAttribute('data-provisional')).toBe('true');
  });
});
