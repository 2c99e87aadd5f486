/**
 * The emulator under many concurrent clients over real HTTP: each client loops over a mix of reads
 * (lists, pages, single objects, a bad limit, an unknown route) and harmless writes, waits out
 * Retry-After when refused, and checks every answer is well-formed. Used by the bench (30 s) and by
 * test/faults (a few seconds).
 */
import { createEmulator } from '../../src/emulator';
import { mulberry32 } from '../../src/emulator/seeds/prng';

/** Options of a stress run. */
export interface StressOptions {
  clients: number;
  durationMs: number;
  latencyMs?: number;
  rate?: number;
}

/** What a stress run saw. */
export interface StressResult {
  clients: number;
  durationMs: number;
  requests: number;
  http429: number;
  /** 429s without a positive integer Retry-After header. */
  http429WithoutRetryAfter: number;
  statuses: Record<string, number>;
  /** Answers that were not well-formed (first 10 described). */
  malformed: number;
  problems: string[];
  /** Network-level failures (the emulator dropped or refused a connection). */
  networkErrors: number;
}

const READS = [
  '/api/v4/account?with=users_groups',
  '/api/v4/users?with=role,group&limit=250',
  '/api/v4/roles',
  '/api/v4/leads/custom_fields?limit=250',
  '/api/v4/contacts?limit=250',
  '/api/v4/contacts?page=3&limit=50',
  '/api/v4/leads?limit=250',
  '/api/v4/leads/pipelines',
  '/api/v4/widgets?limit=250',
  '/api/v4/leads/unsorted?limit=250',
  '/api/v4/events?limit=100',
  '/api/v4/website_buttons',
  '/api/v4/contacts?limit=251',
  '/api/v4/no-such-route',
  '/api/v4/contacts?page=99999&limit=250',
];

/** Checks one answer; returns why it is not well-formed, or null. */
function verdict(status: number, type: string | null, text: string, retryAfter: string | null): string | null {
  if (status < 200 || status > 599) return `status ${status}`;
  if (status === 204) return text === '' ? null : '204 with a body';
  if (!type || !/^application\/(hal\+json|problem\+json|json)/.test(type)) return `${status} with content-type ${type}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `${status} body is not JSON`;
  }
  if (typeof body !== 'object' || body === null) return `${status} body is not an object`;
  if (status >= 400) {
    if (!type.startsWith('application/problem+json')) return `${status} is not problem+json`;
    if ((body as { status?: unknown }).status !== status)
      return `${status} problem names status ${String((body as { status?: unknown }).status)}`;
  }
  if (status === 429 && !(retryAfter && /^[1-9]\d*$/.test(retryAfter))) return '429 without Retry-After';
  return null;
}

/** Runs `clients` concurrent clients against a fresh emulator for `durationMs`. */
export async function stressEmulator(opts: StressOptions): Promise<StressResult> {
  // The abuse block (repeated 429s → 403 for minutes) would turn the run into a wall of 403s after a
  // second; it is off here so that the limiter's 429 path is what gets exercised all along.
  const emulator = createEmulator({
    seed: 'messy',
    latencyMs: opts.latencyMs ?? 20,
    rate: opts.rate ?? 7,
    quiet: true,
    block: { after: Number.POSITIVE_INFINITY },
  });
  const server = await emulator.listen(0, '127.0.0.1');
  const result: StressResult = {
    clients: opts.clients,
    durationMs: opts.durationMs,
    requests: 0,
    http429: 0,
    http429WithoutRetryAfter: 0,
    statuses: {},
    malformed: 0,
    problems: [],
    networkErrors: 0,
  };
  const until = performance.now() + opts.durationMs;
  const fieldId = emulator.store.fields.leads[0]?.id;
  const client = async (k: number) => {
    const random = mulberry32(1000 + k);
    while (performance.now() < until) {
      const roll = random();
      const write = roll < 0.1 && fieldId !== undefined;
      const path = write ? `/api/v4/leads/custom_fields/${fieldId}` : READS[Math.floor(random() * READS.length)]!;
      const init: RequestInit = { headers: { Authorization: 'Bearer dev-token', 'Content-Type': 'application/json' } };
      // A write that leaves the field as it was: PATCH with the field's own sort.
      if (write) Object.assign(init, { method: 'PATCH', body: JSON.stringify({ sort: 10 }) });
      result.requests++;
      let res: Response;
      let text: string;
      try {
        res = await fetch(server.url + path, init);
        text = await res.text();
      } catch (err) {
        result.networkErrors++;
        if (result.problems.length < 10) result.problems.push(`${path}: ${(err as Error).message}`);
        continue;
      }
      result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
      const retryAfter = res.headers.get('retry-after');
      const bad = verdict(res.status, res.headers.get('content-type'), text, retryAfter);
      if (bad) {
        result.malformed++;
        if (bad.startsWith('429')) result.http429WithoutRetryAfter++;
        if (result.problems.length < 10) result.problems.push(`${init.method ?? 'GET'} ${path}: ${bad}`);
      }
      if (res.status === 429) {
        result.http429++;
        // Half the clients honour Retry-After; the other half come back after 100 ms, as careless clients do.
        const wait = k % 2 === 0 ? Math.min(Number(retryAfter) || 1, 5) * 1000 : 100;
        await new Promise((r) => setTimeout(r, Math.min(wait, Math.max(0, until - performance.now()))));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.clients }, (_, k) => client(k)));
  } finally {
    await server.close();
  }
  return result;
}
