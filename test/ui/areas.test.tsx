// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { AREAS } from '../../src/audit/types';
import { sortResults } from '../../src/ui/order';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';
import { one, t, mountReady, unmountAll } from './harness';
import { defaultResults, reportFixture, result } from './fixtures';

afterEach(unmountAll);
const setup = mountReady;

const toggle = (el: HTMLElement, area: string) => one(el, `section[data-area="${area}"] [data-action="toggle-area"]`);
const openRow = async (el: HTMLElement, ruleId: string) => {
  fireEvent.click(one(el, `[data-rule-id="${ruleId}"] [data-action="toggle-result"]`));
  await waitFor(() =>
    expect(one(el, `[data-rule-id="${ruleId}"] [data-action="toggle-result"]`).getAttribute('aria-expanded')).toBe(
      'true',
    ),
  );
};

describe('areas', () => {
  it('come in setup order whatever order the report lists them', async () => {
    const report = reportFixture();
    report.areas = [...report.areas].reverse();
    const { el } = await setup({ reports: [report] });
    expect([...el.querySelectorAll('section[data-area]')].map((s) => s.getAttribute('data-area'))).toEqual([...AREAS]);
    expect([...el.querySelectorAll('[data-area-score]')].map((s) => s.getAttribute('data-area'))).toEqual([...AREAS]);
  });

  it('are all open but In use, one line per finding; the toggle flips aria-expanded and the results', async () => {
    const { el } = await setup();
    const open = AREAS.filter((a) => toggle(el, a).getAttribute('aria-expanded') === 'true');
    expect(open).toEqual(AREAS.filter((a) => a !== 'usage'));
    fireEvent.click(toggle(el, 'usage'));
    await waitFor(() => expect(toggle(el, 'usage').getAttribute('aria-expanded')).toBe('true'));
    expect(el.querySelector('[data-rule-id="web-form-absent"]')).not.toBeNull();
    fireEvent.click(toggle(el, 'fields'));
    await waitFor(() => expect(toggle(el, 'fields').getAttribute('aria-expanded')).toBe('false'));
    expect(el.querySelector('[data-rule-id="required-at-entry-stage"]')).toBeNull();
    expect(one(el, `#${toggle(el, 'fields').getAttribute('aria-controls')}`).hidden).toBe(true);
    fireEvent.click(toggle(el, 'fields'));
    await waitFor(() => expect(el.querySelector('[data-rule-id="required-at-entry-stage"]')).not.toBeNull());
  });

  it('list failures first by severity, then the other outcomes', async () => {
    const { el } = await setup();
    const ids = [...el.querySelectorAll('[data-area="fields"] [data-rule-id]')].map((r) =>
      r.getAttribute('data-rule-id'),
    );
    expect(ids).toEqual([
      'required-at-entry-stage',
      'loss-reason-missing',
      'required-statuses-stale',
      'select-options-few',
      'duplicate-field-names',
    ]);
  });

  it.each([
    [
      [
        'pass:high',
        'fail:low',
        'error:critical',
        'fail:critical',
        'manual:info',
        'needs-review:medium',
        'not-applicable:high',
      ],
      [
        'fail:critical',
        'fail:low',
        'error:critical',
        'needs-review:medium',
        'manual:info',
        'pass:high',
        'not-applicable:high',
      ],
    ],
    [
      ['fail:medium#1', 'fail:medium#2'],
      ['fail:medium#1', 'fail:medium#2'],
    ],
  ])('sortResults %j', (input, expected) => {
    const results = input.map((s) => {
      const [outcome, severity] = s.split('#')[0]!.split(':');
      return result(s, 'fields', outcome as never, severity as never);
    });
    expect(sortResults(results).map((r) => r.ruleId)).toEqual(expected);
  });

  it('a result shows title, why, how-to, items as text with same-origin links, and the outcome hooks', async () => {
    const results = defaultResults();
    const dup = results.find((r) => r.ruleId === 'duplicate-contacts')!;
    dup.items = [
      { id: 'a', message: { key: 'x' }, text: '<script>alert(1)</script> Ivan', link: '/contacts/detail/7' },
      { id: 'b', message: { key: 'x' }, text: 'Evil link', link: 'javascript:alert(1)' },
      { id: 'c', message: { key: 'x' }, text: 'Other host', link: '//evil.example/x' },
    ];
    const { el } = await setup({ reports: [reportFixture({ results })] });
    const card = one(el, '[data-rule-id="duplicate-contacts"]');
    expect(card.getAttribute('data-outcome')).toBe('fail');
    // One line until opened: no why, no how, no item list.
    expect(card.textContent).not.toContain('Why duplicate-contacts matters');
    expect(card.querySelector('[data-item-id]')).toBeNull();
    await openRow(el, 'duplicate-contacts');
    expect(card.textContent).toContain('Title of duplicate-contacts');
    expect(card.textContent).toContain('Why duplicate-contacts matters');
    expect(card.textContent).toContain('How to fix duplicate-contacts by hand');
    expect(card.querySelector('script')).toBeNull();
    const links = [...card.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/contacts/detail/7']);
    expect(links[0]!.getAttribute('target')).toBeNull();
    expect(links[0]!.textContent).toBe('<script>alert(1)</script> Ivan');
    expect(card.textContent).toContain('Evil link');
  });

  it('2,000 items: renders at most 20 per list and "show all" reveals the rest', async () => {
    const { el } = await setup({ reports: [reportFixture({ results: defaultResults(2000) })] });
    // Until a row is opened no item renders at all.
    expect(el.querySelectorAll('[data-item-id]')).toHaveLength(0);
    await openRow(el, 'duplicate-contacts');
    const card = one(el, '[data-rule-id="duplicate-contacts"]');
    expect(card.querySelectorAll('[data-item-id]')).toHaveLength(20);
    const more = one(card, '[data-action="show-all"]');
    expect(more.textContent).toBe('Show all 2000');
    fireEvent.click(more);
    await waitFor(() => expect(card.querySelectorAll('[data-item-id]')).toHaveLength(2000));
    expect(card.querySelector('[data-action="show-all"]')).toBeNull();
  });

  it('a failed part shows its reason in its area; the other areas still render', async () => {
    const failure = { kind: 'forbidden' as const, status: 403, message: 'Forbidden' };
    const report = reportFixture({ failedParts: { mail: [{ part: 'notes', failure, reason: 'needs admin rights' }] } });
    const { el } = await setup({ reports: [report] });
    const mail = one(el, 'section[data-area="mail"]');
    expect(one(mail, '[data-part="notes"]').textContent).toBe(
      'Could not load notes: needs admin rights. The checks that need it are marked as not checked; the rest of the audit is complete.',
    );
    // Visible while collapsed: the reason sits outside the collapsible body.
    fireEvent.click(toggle(el, 'mail'));
    await waitFor(() => expect(toggle(el, 'mail').getAttribute('aria-expanded')).toBe('false'));
    expect(one(mail, '[data-part="notes"]')).toBeTruthy();
    expect(el.querySelectorAll('[data-part]')).toHaveLength(1);
    expect(el.querySelector('[data-rule-id="required-at-entry-stage"]')).not.toBeNull();
    fireEvent.click(toggle(el, 'mail'));
    await waitFor(() =>
      expect(one(el, '[data-rule-id="mail-activity-absent"]').getAttribute('data-outcome')).toBe('error'),
    );
    // Counted as not checked in its area's heading, not folded into "failed".
    expect(one(mail, '[data-role="area-counts"]').textContent).toBe('1 not checked');
    await openRow(el, 'mail-activity-absent');
    expect(one(el, '[data-rule-id="mail-activity-absent"]').textContent).toContain('Notes need admin rights');
  });

  it('a rendering fault in one area stays in that area', async () => {
    const results = defaultResults();
    // A malformed result (items missing) makes the card throw while rendering.
    (results.find((r) => r.ruleId === 'duplicate-contacts') as { items: unknown }).items = undefined;
    const { el } = await setup({ reports: [reportFixture({ results })] });
    const data = one(el, 'section[data-area="data"]');
    expect(one(data, '[role="alert"]').textContent).toContain(t('ui.fault.title'));
    expect(one(data, '[data-action="retry"]')).toBeTruthy();
    expect(el.querySelector('[data-rule-id="required-at-entry-stage"]')).not.toBeNull();
    expect(one(el, '[data-score]').getAttribute('data-score')).toBe('72');
  });
});

describe('ErrorBoundary', () => {
  it('contains a throwing child, keeps siblings, and retry renders the child again', async () => {
    let fail = true;
    function Thrower() {
      if (fail) throw new Error('boom in child');
      return <p>child is fine</p>;
    }
    render(
      <div>
        <p>sibling</p>
        <ErrorBoundary t={t}>
          <Thrower />
        </ErrorBoundary>
      </div>,
    );
    expect(screen.getByText('sibling')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('boom in child');
    fail = false;
    fireEvent.click(screen.getByText(t('ui.fault.retry')));
    await waitFor(() => expect(screen.getByText('child is fine')).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
