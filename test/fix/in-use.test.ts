/**
 * Undo never trusts a list filter: whether an added stage still holds deals is decided from the records
 * themselves, whatever the server does with `filter[...]` (list filters are an opt-in account feature).
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_CHECK_MAX_PAGES, stageInUse } from '../../src/fix/in-use';
import { account } from './harness';

type Server = { filterEnabled: boolean; honoursFilter: boolean };

/** The account says `is_api_filter_enabled` as given; a server that ignores filters drops them from lead lists. */
const server =
  ({ filterEnabled, honoursFilter }: Server, seen: string[]) =>
  (inner: typeof fetch) =>
    (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input));
      if (url.pathname === '/api/v4/leads') {
        seen.push(decodeURIComponent(url.search));
        if (!honoursFilter)
          for (const k of [...url.searchParams.keys()]) if (k.startsWith('filter')) url.searchParams.delete(k);
        return inner(url.toString(), init);
      }
      if (url.pathname === '/api/v4/account') {
        const res = await inner(String(input), init);
        const body = (await res.json()) as Record<string, unknown>;
        return Response.json({ ...body, is_api_filter_enabled: filterEnabled }, { status: res.status });
      }
      return inner(input as string, init);
    }) as typeof fetch;

const SERVERS: (Server & { name: string })[] = [
  { name: 'filters off, ignored', filterEnabled: false, honoursFilter: false },
  { name: 'filters on, honoured', filterEnabled: true, honoursFilter: true },
  { name: 'filters said on, yet ignored', filterEnabled: true, honoursFilter: false },
];

describe.each(SERVERS)('undo of added stages when $name', (srv) => {
  it('an added stage that stayed empty is deleted; one that got a deal stays', async () => {
    const seen: string[] = [];
    const acc = await account({ wrapFetch: server(srv, seen) });
    const fixed = await acc.apply(['default-stage-names']);
    if (fixed.status === 'refused') throw new Error('refused');
    const added = acc.journal.batch(fixed.batchId)[0]!.ops.filter((o) => o.op.method === 'POST');
    expect(added.length).toBeGreaterThan(1);
    const busy = added[0]!.createdId!;
    const lead = acc.emulator.store.leads[0]!;
    lead.pipeline_id = 7300001;
    lead.status_id = busy;

    seen.length = 0;
    const undone = await acc.undo({ batchId: fixed.batchId });
    if (undone.status === 'refused') throw new Error('refused');
    const stuck = undone.ops.filter((o) => o.status === 'conflict');
    expect(stuck.map((o) => o.reason?.key)).toEqual(['fix.undo.notEmpty']);
    const statuses = acc.emulator.store.pipelines.find((p) => p.id === 7300001)!.statuses;
    expect(statuses.some((s) => s.id === busy)).toBe(true);
    for (const o of added.slice(1)) expect(statuses.some((s) => s.id === o.createdId)).toBe(false);
    // The filter is asked only where the account says it works.
    expect(seen.some((q) => q.includes('filter[statuses]'))).toBe(srv.filterEnabled);
  });
});

describe('the scan is bounded', () => {
  it(`past ${EMPTY_CHECK_MAX_PAGES} pages without an answer the stage counts as not provably empty`, async () => {
    const acc = await account();
    // A server whose lead list never ends (each page links to a next one).
    let n = 0;
    const endless = (async (input: string) => {
      const url = new URL(String(input));
      if (url.pathname !== '/api/v4/leads') return acc.emulator.fetch(input);
      n++;
      return Response.json({
        _links: { next: { href: `/api/v4/leads?page=${n + 1}&limit=250` } },
        _embedded: { leads: [{ id: n, pipeline_id: 1, status_id: 2 }] },
      });
    }) as typeof fetch;
    const { ApiClient } = await import('../../src/api/client');
    const client = new ApiClient({ baseUrl: 'https://emulator.test', token: 'dev-token', fetch: endless, rps: 1000 });
    const facts = { id: 1, subdomain: 'x', filterEnabled: false };
    expect(await stageInUse(client, facts, 7, 8)).toBe('unknown');
    expect(n).toBe(EMPTY_CHECK_MAX_PAGES + 1);
    expect(await stageInUse(client, facts, 1, 2)).toBe(true);
  });
});
