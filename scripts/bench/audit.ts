/**
 * Our audit over real HTTP: the emulator (its own process) listens on 127.0.0.1:0 at 7 requests/s with 80 ms latency,
 * the CLI's path (ApiClient with the shared throttle → gatherSnapshot → runAudit) runs against it.
 */
import { ApiClient, Throttle } from '../../src/api';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { IN_USE_LISTS } from '../../src/audit/parts';
import type { Report } from '../../src/audit/types';
import { dictionaryFor } from '../../src/cli/dict';
import type { SeedName } from '../../src/emulator';
import { auditAccount } from '../../src/runner/audit';
import type { Snapshot } from '../../src/snapshot/types';
import { RATE, lowerBoundMs } from './common';
import { emulatorProcess } from './server';

/** One audit's figures, the shape of a bench-results.json scenario. */
export interface AuditFigures {
  scenario: string;
  requests: number;
  retries: number;
  http429: number;
  wallMs: number;
  lowerBoundMs: number;
  ratio: number;
  [more: string]: unknown;
}

/** Runs one audit of `seed` by our client over HTTP; returns the figures and what it produced. */
export async function auditOverHttp(
  seed: SeedName,
): Promise<{ figures: AuditFigures; snapshot: Snapshot; report: Report }> {
  const server = await emulatorProcess(seed);
  try {
    // A throttle of its own, exactly like the process-wide one a CLI run gets, but not shared with other scenarios.
    // Every answered URL, to check that nothing is read twice and that lists ask for full pages.
    const answered: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (res.status !== 429 && res.status < 500) answered.push(String(input).slice(server.url.length));
      return res;
    };
    const client = new ApiClient({
      baseUrl: server.url,
      token: 'dev-token',
      throttle: new Throttle({ limit: RATE }),
      fetch: recording,
    });
    const started = performance.now();
    const { snapshot, report } = await auditAccount({
      client,
      baseline: defaultBaseline(),
      lang: 'en',
      dict: dictionaryFor('en'),
    });
    const wallMs = performance.now() - started;
    const { requests, retries, http429 } = client.stats;
    const lb = lowerBoundMs(requests);
    const failed = Object.entries(snapshot.parts)
      .filter(([, p]) => p && 'error' in p)
      .map(([name]) => name);
    return {
      figures: {
        scenario: `audit ${seed}`,
        requests,
        retries,
        http429,
        wallMs,
        lowerBoundMs: lb,
        ratio: wallMs / lb,
        failedParts: failed,
        score: report.score,
        fetchedTwice: fetchedTwice(answered),
        listsWithoutFullPages: badLimits(answered),
      },
      snapshot,
      report,
    };
  } finally {
    await server.close();
  }
}

/** URLs answered more than once in one audit. */
export function fetchedTwice(urls: string[]): string[] {
  const seen = new Map<string, number>();
  for (const u of urls) seen.set(u, (seen.get(u) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([u]) => u);
}

/** Paged list endpoints; pipelines and the account are not paged. */
const PAGED =
  /^\/api\/v4\/(users|roles|(leads|contacts|companies)\/custom_fields|widgets|leads\/unsorted|events|(leads|contacts)\/notes|website_buttons|contacts|companies|leads)$/;

/**
 * List requests that neither ask for a full page (250; events 100) nor are a deliberate one-item
 * existence probe (limit=1).
 */
export function badLimits(urls: string[]): string[] {
  return urls.filter((u) => {
    const url = new URL(u, 'http://x');
    if (!PAGED.test(url.pathname)) return false;
    const limit = url.searchParams.get('limit');
    const full = url.pathname === '/api/v4/events' ? '100' : '250';
    return limit !== full && limit !== '1';
  });
}

/** The requests of the set-up areas: all but those of the lists the In use area added. */
export function setupRequests(snapshot: Snapshot): number {
  const byPart = snapshot.requests.byPart ?? {};
  return IN_USE_LISTS.reduce((n, part) => n - (byPart[part] ?? 0), snapshot.requests.count);
}
