// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { mountWithFake, one } from './harness';
import { deferred } from './fake-runner';
import { reportFixture } from './fixtures';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function setup(...args: Parameters<typeof mountWithFake>) {
  const h = mountWithFake(...args);
  cleanup = h.unmount;
  return h;
}

describe('header', () => {
  it.each([
    [72, 'C', '72'],
    [100, 'A', '100'],
    [null, null, ''],
  ] as const)('gauge for score %s shows data-score and grade', async (score, grade, attr) => {
    const { el } = setup({ reports: [reportFixture({ score, grade })] });
    const gauge = await waitFor(() => one(el, '[data-score]'));
    expect(gauge.getAttribute('data-score')).toBe(attr);
    expect(gauge.getAttribute('role')).toBe('img');
    if (score === null) {
      expect(gauge.getAttribute('aria-label')).toMatch(/no score/i);
    } else {
      expect(gauge.getAttribute('aria-label')).toBe(`Overall score ${score} of 100, grade ${grade}`);
      expect(gauge.querySelector('.sa-gauge__grade')?.textContent).toBe(grade);
    }
    expect(gauge.querySelector('svg circle.sa-gauge__value')).not.toBeNull();
  });

  it('shows baseline, counts of open items and the account name as text', async () => {
    const { el } = setup({}, { accountName: 'Acme <img src=x onerror=alert(1)>' });
    await waitFor(() => one(el, '[data-score]'));
    expect(el.textContent).toContain('Baseline: B2B services');
    expect(one(el, '[data-count="fail"]').textContent).toBe('Failed: 4');
    expect(one(el, '[data-count="needs-review"]').textContent).toBe('Need review: 2');
    expect(one(el, '[data-count="manual"]').textContent).toBe('Manual checks: 3');
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain('Account: Acme <img src=x onerror=alert(1)>');
  });

  it('non-admin: read-only with the reason, no fix buttons', async () => {
    const { el } = setup({ canFix: false, whyNoFix: 'Only administrators can change the setup.' });
    await waitFor(() => one(el, '[data-score]'));
    expect(el.querySelectorAll('[data-action="fix"]')).toHaveLength(0);
    expect(el.querySelector('[data-action="fix-all-safe"]')).toBeNull();
    expect(one(el, '[data-role="why-no-fix"]').textContent).toBe('Only administrators can change the setup.');
  });

  it('non-admin without a reason from the runner gets the generic line', async () => {
    const { el } = setup({ canFix: false });
    await waitFor(() => one(el, '[data-score]'));
    expect(one(el, '[data-role="why-no-fix"]').textContent).toMatch(/only an account administrator/);
  });

  it('admin sees no why-line and a Fix button per fixable result', async () => {
    const { el } = setup();
    await waitFor(() => one(el, '[data-score]'));
    expect(el.querySelector('[data-role="why-no-fix"]')).toBeNull();
    // Fixable: required-at-entry-stage, required-statuses-stale, loss-reason-missing (all in the open fields area).
    const fixable = [...el.querySelectorAll('[data-action="fix"]')].map((b) =>
      b.closest('[data-rule-id]')!.getAttribute('data-rule-id'),
    );
    expect(fixable.sort()).toEqual(['loss-reason-missing', 'required-at-entry-stage', 'required-statuses-stale']);
  });

  it('progress bar shows parts and requests while gathering, and cancel aborts', async () => {
    const gate = deferred();
    const previous = reportFixture({ score: 55, grade: 'D' });
    const { el, runner } = setup(
      { auditGate: gate, progress: [{ partsDone: 3, partsTotal: 12, requests: 5 }] },
      { report: previous },
    );
    const bar = await waitFor(() => one(el, '[role="progressbar"]'));
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('3'));
    expect(bar.getAttribute('aria-valuemax')).toBe('12');
    expect(el.textContent).toContain('Data gathered: 3 of 12 · requests: 5');
    expect(one(el, '[data-action="rerun"]').hasAttribute('disabled')).toBe(true);
    fireEvent.click(one(el, '[data-action="cancel"]'));
    expect(runner.lastSignal?.aborted).toBe(true);
    await waitFor(() => expect(el.querySelector('[role="progressbar"]')).toBeNull());
    expect(el.textContent).toContain('The audit was cancelled');
    // The previous report stays on screen.
    expect(one(el, '[data-score]').getAttribute('data-score')).toBe('55');
  });

  it.each([
    [
      'known from the last audit: the bar follows requests, the line says "about"',
      { running: ['contacts'], requests: 40, rate: 7, requestsLeft: 210, secondsLeft: 30, basis: 'previous' },
      { now: '60', max: '270', basis: 'previous', seconds: '30' },
      'Still reading contacts: 40 pages read at 7.0 requests/s · about 30 seconds left',
    ],
    [
      'nothing known: pages and rate, no time, the bar by parts',
      {
        running: ['contacts', 'leads'],
        requests: 40,
        rate: 6.4,
        requestsLeft: null,
        secondsLeft: null,
        basis: 'unknown',
      },
      { now: '13', max: '15', basis: 'unknown', seconds: null },
      'Still reading contacts and deals: 40 pages read at 6.4 requests/s · no time estimate: no earlier audit of this account is kept to go by',
    ],
  ] as const)('data scan progress, %s', async (_name, timeLeft, bar, line) => {
    const gate = deferred();
    const { el } = setup({
      auditGate: gate,
      progress: [
        { partsDone: 13, partsTotal: 15, requests: 60, timeLeft: { ...timeLeft, running: [...timeLeft.running] } },
      ],
    });
    const scan = await waitFor(() => one(el, '[data-role="time-left"]'));
    expect(scan.textContent).toBe(line);
    expect(scan.getAttribute('data-basis')).toBe(bar.basis);
    expect(scan.getAttribute('data-seconds-left')).toBe(bar.seconds);
    const progress = one(el, '[role="progressbar"]');
    expect([progress.getAttribute('aria-valuenow'), progress.getAttribute('aria-valuemax')]).toEqual([
      bar.now,
      bar.max,
    ]);
    expect(progress.getAttribute('aria-valuetext')).toContain(line);
    gate.resolve();
  });

  it('no data-scan line before anything was read', async () => {
    const gate = deferred();
    const { el } = setup({ auditGate: gate, progress: [{ partsDone: 0, partsTotal: 15, requests: 0 }] });
    await waitFor(() => one(el, '[role="progressbar"]'));
    expect(el.querySelector('[data-role="time-left"]')).toBeNull();
    gate.resolve();
  });

  it('"Run audit again" runs a new audit and shows its report', async () => {
    const { el, runner } = setup({ reports: [reportFixture({ score: 40 }), reportFixture({ score: 90, grade: 'A' })] });
    await waitFor(() => expect(one(el, '[data-score]').getAttribute('data-score')).toBe('40'));
    fireEvent.click(one(el, '[data-action="rerun"]'));
    await waitFor(() => expect(one(el, '[data-score]').getAttribute('data-score')).toBe('90'));
    expect(runner.calls.runAudit).toBe(2);
  });

  it('a failed audit shows an alert and keeps the panel usable', async () => {
    const { el } = setup({ auditError: 'Network down' });
    await waitFor(() => expect(el.querySelector('[role="alert"]')?.textContent).toContain('Network down'));
    expect(one(el, '[data-action="rerun"]').hasAttribute('disabled')).toBe(false);
  });
});
