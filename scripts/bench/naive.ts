/**
 * The naive client the bench compares against: a plain sequential fetch loop over the same endpoints
 * our gatherers read, one request at a time, the API's default page size (50), pacing its starts at
 * 7 per second and waiting out Retry-After on a 429. Deliberately not our ApiClient.
 */
import { createEmulator, type SeedName } from '../../src/emulator';
import { BENCH_NOW, RATE, lowerBoundMs } from './common';
import { emulatorProcess } from './server';
import type { AuditFigures } from './audit';

/** The window the signal endpoints are asked about (the baseline's default, 30 days). */
const WINDOW_DAYS = 30;

/** Every endpoint the audit reads, as a naive script would list them; `all` follows `_links.next`. */
function endpoints(nowMs: number): { path: string; all: boolean }[] {
  const to = Math.floor(nowMs / 1000);
  const from = to - WINDOW_DAYS * 86400;
  return [
    { path: '/api/v4/account?with=users_groups', all: false },
    { path: '/api/v4/users?with=role,group', all: true },
    { path: '/api/v4/roles', all: true },
    { path: '/api/v4/leads/custom_fields', all: true },
    { path: '/api/v4/contacts/custom_fields', all: true },
    { path: '/api/v4/companies/custom_fields', all: true },
    { path: '/api/v4/leads/pipelines', all: true },
    { path: '/api/v4/widgets', all: true },
    { path: '/api/v4/leads/unsorted?order[created_at]=desc', all: false },
    {
      path:
        `/api/v4/events?filter[created_at][from]=${from}&filter[created_at][to]=${to}` +
        '&filter[type][]=incoming_call&filter[type][]=outgoing_call&filter[type][]=incoming_chat_message',
      all: false,
    },
    ...['leads', 'contacts'].map((e) => ({
      path:
        `/api/v4/${e}/notes?filter[note_type][]=amomail_message` +
        `&filter[note_type][]=call_in&filter[note_type][]=call_out&filter[updated_at][from]=${from}&filter[updated_at][to]=${to}`,
      all: false,
    })),
    { path: '/api/v4/website_buttons', all: true },
    { path: '/api/v4/contacts', all: true },
    { path: '/api/v4/companies', all: false },
    { path: '/api/v4/leads', all: true },
  ];
}

/** What one naive run did. */
export interface NaiveRun {
  requests: number;
  http429: number;
  wallMs: number;
  stoppedEarly: boolean;
}

/**
 * Runs the naive loop against `baseUrl`, stopping after `maxRequests` (a bounded prefix) when given.
 * `spacingMs` is the pause between starts (1000/7 at the real limit; 0 in-process for counting).
 */
export async function naiveAudit(
  baseUrl: string,
  opts: { spacingMs: number; maxRequests?: number; fetchFn?: typeof fetch; nowMs: number },
): Promise<NaiveRun> {
  const fetchFn = opts.fetchFn ?? fetch;
  const run: NaiveRun = { requests: 0, http429: 0, wallMs: 0, stoppedEarly: false };
  const started = performance.now();
  let lastStart = -Infinity;
  const get = async (url: string): Promise<unknown> => {
    for (;;) {
      const wait = lastStart + opts.spacingMs - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      lastStart = performance.now();
      run.requests++;
      const res = await fetchFn(url, {
        headers: { Authorization: 'Bearer dev-token', Accept: 'application/hal+json' },
      });
      const text = await res.text();
      if (res.status === 429) {
        run.http429++;
        await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? '1') * 1000));
        continue;
      }
      if (res.status === 204 || text === '') return null;
      if (!res.ok) throw new Error(`naive client: ${res.status} on ${url}`);
      return JSON.parse(text);
    }
  };
  outer: for (const { path, all } of endpoints(opts.nowMs)) {
    let url: string | null = baseUrl + path;
    while (url) {
      if (opts.maxRequests !== undefined && run.requests >= opts.maxRequests) {
        run.stoppedEarly = true;
        break outer;
      }
      const body = (await get(url)) as { _links?: { next?: { href?: string } } } | null;
      const next = all ? body?._links?.next?.href : undefined;
      url = next ? baseUrl + new URL(next).pathname + new URL(next).search : null;
    }
  }
  run.wallMs = performance.now() - started;
  return run;
}

/**
 * The naive audit of a seed: its exact request count from a full in-process run (no latency, no limit),
 * and its wall time over HTTP at 7 rps — measured in full, or for a bounded prefix of `prefix` requests
 * and extrapolated per request (labelled `extrapolated`).
 */
export async function naiveOverHttp(seed: SeedName, prefix?: number): Promise<AuditFigures> {
  const counting = createEmulator({ seed, rate: 1_000_000, quiet: true, now: () => BENCH_NOW });
  const exact = await naiveAudit('https://emulator.local', { spacingMs: 0, fetchFn: counting.fetch, nowMs: BENCH_NOW });

  const server = await emulatorProcess(seed);
  try {
    const timed = await naiveAudit(server.url, { spacingMs: 1000 / RATE, maxRequests: prefix, nowMs: Date.now() });
    const extrapolated = timed.stoppedEarly;
    const wallMs = extrapolated ? (timed.wallMs / timed.requests) * exact.requests : timed.wallMs;
    const lb = lowerBoundMs(exact.requests);
    return {
      scenario: `naive audit ${seed}`,
      requests: exact.requests,
      retries: timed.http429,
      http429: timed.http429,
      wallMs,
      lowerBoundMs: lb,
      ratio: wallMs / lb,
      extrapolated,
      measuredRequests: timed.requests,
      measuredWallMs: timed.wallMs,
      pageSize: 50,
    };
  } finally {
    await server.close();
  }
}
