import { describe, expect, it } from 'vitest';
import {
  observedRate,
  type PartRequests,
  type PartState,
  RATE_WINDOW_MS,
  timeLeft,
  timeLeftTracker,
} from '../../src/snapshot/time-left';

// The time left of a gathering: requests left come only from what the parts cost last time (lists carry
// no totals); the time is those requests at the rate the gathering gets. A table over tiny states.
const LAST: PartRequests = { account: 1, users: 1, pipelines: 1, contacts: 400, leads: 100 };
const setupDone: PartState[] = [
  { part: 'account', done: true, requests: 1 },
  { part: 'users', done: true, requests: 1 },
  { part: 'pipelines', done: true, requests: 1 },
];
const scan = (contacts: number, openLeads: number, leadsDone = false): PartState[] => [
  ...setupDone,
  { part: 'contacts', done: false, requests: contacts },
  { part: 'leads', done: leadsDone, requests: openLeads },
];

describe('time left', () => {
  it.each<[string, PartState[], PartRequests | null, number, Partial<ReturnType<typeof timeLeft>>]>([
    [
      'known previous counts: the requests left at the rate',
      scan(100, 50),
      LAST,
      7,
      { running: ['contacts', 'leads'], requests: 150, requestsLeft: 350, secondsLeft: 50, basis: 'previous' },
    ],
    [
      'the same, half the rate (another tab shares the account): twice the time',
      scan(100, 50),
      LAST,
      3.5,
      { requestsLeft: 350, secondsLeft: 100, basis: 'previous' },
    ],
    [
      'a finished part counts nothing left, even when it needed fewer requests than last time',
      scan(393, 60, true),
      LAST,
      7,
      { running: ['contacts'], requests: 393, requestsLeft: 7, secondsLeft: 1, basis: 'previous' },
    ],
    [
      'no previous counts (first audit of the account): pages and rate, no time',
      scan(100, 50),
      null,
      6.5,
      { requests: 150, rate: 6.5, requestsLeft: null, secondsLeft: null, basis: 'unknown' },
    ],
    [
      'a running part the last gathering did not have (a new part) gives no time',
      [...scan(10, 10), { part: 'events', done: false, requests: 1 }],
      LAST,
      7,
      { requestsLeft: null, secondsLeft: null, basis: 'unknown' },
    ],
    [
      'more pages than last time: no time (never negative, never a made-up remainder)',
      scan(420, 50),
      LAST,
      7,
      { requests: 470, requestsLeft: null, secondsLeft: null, basis: 'beyond-previous' },
    ],
    [
      'at exactly last time’s count a part is about to finish: nothing left of it',
      scan(400, 100),
      LAST,
      7,
      { requestsLeft: 0, secondsLeft: 0, basis: 'previous' },
    ],
    [
      'a rate of 0 (every slot held): requests left known, no time',
      scan(100, 50),
      LAST,
      0,
      { requestsLeft: 350, secondsLeft: null, basis: 'previous' },
    ],
    [
      'everything done: nothing running, nothing left',
      setupDone,
      LAST,
      7,
      { running: [], requests: 0, requestsLeft: 0, secondsLeft: 0, basis: 'previous' },
    ],
  ])('%s', (_name, parts, previous, rate, want) => {
    const got = timeLeft(parts, previous, rate);
    expect(got).toMatchObject(want);
    if (got.secondsLeft !== null) expect(got.secondsLeft).toBeGreaterThanOrEqual(0);
  });

  it('updates as pages arrive: the time left falls page by page and stays ≥ 0', () => {
    const seen = [0, 100, 200, 300, 399].map((n) => timeLeft(scan(n, 100, true), LAST, 7).secondsLeft!);
    expect(seen).toEqual([400 / 7, 300 / 7, 200 / 7, 100 / 7, 1 / 7]);
    for (const [i, s] of seen.entries()) if (i > 0) expect(s).toBeLessThan(seen[i - 1]!);
  });
});

describe('the observed rate', () => {
  it.each<[string, [number, number][], number]>([
    ['no samples: the limit', [], 7],
    [
      'under a second observed: the limit (a first burst says little)',
      [
        [0, 0],
        [400, 7],
      ],
      7,
    ],
    [
      'steady 5 requests/s',
      [
        [0, 0],
        [1000, 5],
        [2000, 10],
      ],
      5,
    ],
    [
      'never above the limit, whatever the counts say',
      [
        [0, 0],
        [1000, 20],
      ],
      7,
    ],
    [
      'the rate changes: only the last window counts (7/s, then 2/s for 6 s)',
      [
        [0, 0],
        [2000, 14],
        [5000, 20],
        [8000, 26],
      ],
      2,
    ],
  ])('%s', (_name, samples, want) => {
    expect(
      observedRate(
        samples.map(([at, requests]) => ({ at, requests })),
        7,
      ),
    ).toBeCloseTo(want, 5);
  });
});

describe('the tracker of one gathering', () => {
  it('counts each part, samples the total, and estimates from the previous counts at the observed rate', () => {
    let now = 0;
    const tracker = timeLeftTracker({
      parts: ['account', 'contacts'],
      previous: { account: 1, contacts: 30 },
      limit: 7,
      now: () => now,
    });
    tracker.tally('account').requests = 1;
    tracker.finish('account');
    expect(tracker.estimate(1)).toMatchObject({
      running: ['contacts'],
      requestsLeft: 30,
      rate: 7,
      secondsLeft: 30 / 7,
    });
    // The first burst of 7 is not throughput; then twenty pages 200 ms apart: 5 requests/s observed.
    const at: number[] = [];
    for (let i = 1; i <= 20; i++) {
      now += 200;
      tracker.tally('contacts').requests = i;
      at.push(tracker.estimate(1 + i).rate);
    }
    // Until a second past the burst is observed, the limit stands in.
    expect(at.slice(0, 10).every((r) => r === 7)).toBe(true);
    const e = tracker.estimate(21);
    expect(e.rate).toBeCloseTo(5, 5);
    expect(e.requestsLeft).toBe(10);
    expect(e.secondsLeft).toBeCloseTo(2, 5);
    expect(tracker.counts(['account', 'contacts'])).toEqual({ account: 1, contacts: 20 });
  });

  it('follows a slowdown: after a burst at the limit, the rate of the last window only', () => {
    let now = 0;
    let n = 0;
    const tracker = timeLeftTracker({ parts: ['contacts'], previous: { contacts: 500 }, limit: 7, now: () => now });
    const page = (ms: number) => {
      now += ms;
      n += 1;
      tracker.tally('contacts').requests = n;
      return tracker.estimate(n);
    };
    for (let i = 0; i < 100; i++) page(100); // 10 answers/s: capped at 7
    expect(tracker.estimate(n)).toMatchObject({ rate: 7, requestsLeft: 400 });
    let last = tracker.estimate(n);
    for (let i = 0; i < 2 * (RATE_WINDOW_MS / 1000); i++) last = page(500); // then 2/s (a Retry-After, a second tab)
    expect(last.rate).toBeCloseTo(2, 5);
    expect(last.secondsLeft).toBeCloseTo(last.requestsLeft! / 2, 5);
  });
});
