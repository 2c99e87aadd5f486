import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/api/client';
import { type GatherProgress, gatherSnapshot, regatherParts } from '../../src/snapshot/gather';
import { AUDIT_PARTS } from '../../src/audit/parts';
import { emulated, FIXED_NOW } from '../support/emulated';
import { arrayList } from '../../src/emulator/store';

// The request plan of the gatherers: fewest requests, no resource twice, failures as values.
function recording(seed: string, opts: { userId?: number } = {}) {
  const { emulator } = emulated(seed);
  const urls: string[] = [];
  const token = opts.userId === undefined ? 'dev-token' : emulator.tokenFor(opts.userId);
  const client = new ApiClient({
    baseUrl: 'https://emulator.test',
    token,
    rps: 1000,
    fetch: (input, init) => {
      urls.push(String(input).replace('https://emulator.test', ''));
      return emulator.fetch(input, init);
    },
  });
  return { emulator, client, urls };
}

const gather = (client: ApiClient, extra: Partial<Parameters<typeof gatherSnapshot>[1]> = {}) =>
  gatherSnapshot(client, { parts: AUDIT_PARTS, windowDays: 30, now: () => new Date(FIXED_NOW), ...extra });

describe('gathering', () => {
  it('asks each resource once, with full pages (250; events 100; webhooks document no paging)', async () => {
    const { client, urls } = recording('messy');
    const snapshot = await gather(client);
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls) {
      const limit = new URL(url, 'http://x').searchParams.get('limit');
      if (url.startsWith('/api/v4/account') || url.startsWith('/api/v4/companies')) continue;
      if (url === '/api/v4/webhooks') continue;
      expect([url, limit]).toEqual([url, url.startsWith('/api/v4/events') ? '100' : '250']);
    }
    expect(Object.keys(snapshot.parts).sort()).toEqual([...AUDIT_PARTS].sort());
    expect(snapshot.requests.count).toBe(urls.length);
    expect(snapshot.takenAt).toBe(new Date(FIXED_NOW).toISOString());
    expect(snapshot.window.to - snapshot.window.from).toBe(30 * 86400);
  });

  it('skips the companies request when contacts exist, and asks limit=1 when they do not', async () => {
    const messy = recording('messy');
    await gather(messy.client);
    expect(messy.urls.some((u) => /^\/api\/v4\/companies(\?|$)/.test(u))).toBe(false);
    const fresh = recording('fresh');
    const snapshot = await gather(fresh.client);
    expect(fresh.urls.filter((u) => /^\/api\/v4\/companies(\?|$)/.test(u))).toEqual(['/api/v4/companies?limit=1']);
    expect(snapshot.parts.companies).toEqual({ data: { total: 0, exact: true } });
  });

  it('keeps only the widgets active in the account out of the marketplace list', async () => {
    const { client } = recording('messy');
    const snapshot = await gather(client, { parts: ['widgets'] });
    const widgets = 'data' in snapshot.parts.widgets ? snapshot.parts.widgets.data : [];
    expect(widgets.length).toBeGreaterThan(0);
    expect(widgets.every((w) => w.is_active_in_account)).toBe(true);
  });

  it('a non-admin gets users and roles as failures naming 403; the other parts are data', async () => {
    const probe = recording('messy');
    const { client } = recording('messy', { userId: probe.emulator.managerId! });
    const snapshot = await gather(client);
    expect(snapshot.parts.users).toMatchObject({ error: { kind: 'forbidden', status: 403 } });
    expect(snapshot.parts.roles).toMatchObject({ error: { kind: 'forbidden', status: 403 } });
    expect('data' in snapshot.parts.pipelines).toBe(true);
    expect('data' in snapshot.parts.leadFields).toBe(true);
  });

  it('reports progress up to every part and the requests made', async () => {
    const { client, urls } = recording('messy');
    const seen: { partsDone: number; partsTotal: number; requests: number }[] = [];
    await gather(client, { onProgress: (p) => seen.push(p) });
    expect(seen[0]).toMatchObject({ partsDone: 0, partsTotal: AUDIT_PARTS.length });
    expect(seen.at(-1)).toMatchObject({ partsDone: AUDIT_PARTS.length, requests: urls.length });
    expect(seen.map((p) => p.partsDone)).toEqual([...seen.map((p) => p.partsDone)].sort((a, b) => a - b));
  });

  it('cancelling rejects with an abort error', async () => {
    const { client } = recording('messy');
    const ctrl = new AbortController();
    const pending = gather(client, { signal: ctrl.signal });
    ctrl.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('streams contacts into owners, channel-less contacts and duplicate groups', async () => {
    const { client, emulator } = recording('messy');
    const snapshot = await gather(client, { parts: ['contacts'] });
    const view = 'data' in snapshot.parts.contacts ? snapshot.parts.contacts.data : null;
    expect(view!.total).toBe(emulator.store.contacts.length);
    expect(Object.values(view!.byOwner).reduce((a, b) => a + b, 0)).toBe(view!.total);
    expect(view!.duplicates.length).toBeGreaterThan(0);
    expect(view!.withoutChannels.count).toBeGreaterThan(0);
  });

  it('keeps the names of exactly the contacts the view lists (grouped or without channels)', async () => {
    const { client, emulator } = recording('messy');
    const snapshot = await gather(client, { parts: ['contacts'] });
    const view = 'data' in snapshot.parts.contacts ? snapshot.parts.contacts.data : null;
    const listed = new Set([...view!.withoutChannels.sampleIds, ...view!.duplicates.flatMap((g) => g.contactIds)]);
    const named = [...listed].map((id) => emulator.store.contacts.byId(id)!).filter((c) => c.name.trim() !== '');
    expect(named.length).toBeGreaterThan(0);
    expect(view!.names).toEqual(Object.fromEntries(named.map((c) => [String(c.id), c.name.trim()])));
  });

  it('re-gathers only the named parts and keeps the rest', async () => {
    const { client, urls } = recording('messy');
    const first = await gather(client);
    urls.length = 0;
    const again = await regatherParts(client, first, ['pipelines'], { now: () => new Date(FIXED_NOW) });
    expect(urls).toEqual(['/api/v4/leads/pipelines?limit=250']);
    expect(again.parts.users).toBe(first.parts.users);
    expect(again.requests.count).toBe(first.requests.count + 1);
  });

  it('a full events page is followed by one limit=1 probe per signal type not seen yet', async () => {
    const { client, urls, emulator } = recording('messy');
    const at = Math.floor(FIXED_NOW / 1000) - 3600;
    for (let i = 0; i < 120; i++) {
      emulator.store.events.push({
        id: `chat-${i}`,
        type: 'incoming_chat_message',
        entity_id: 1,
        entity_type: 'contact',
        created_by: 0,
        created_at: at - i,
        value_after: [],
        value_before: [],
      } as never);
    }
    const snapshot = await gather(client, { parts: ['events'] });
    const events = urls.filter((u) => u.startsWith('/api/v4/events'));
    expect(events).toHaveLength(3);
    expect(events.slice(1).every((u) => u.endsWith('limit=1'))).toBe(true);
    expect(snapshot.parts.events).toMatchObject({ data: { complete: false } });
    const counts = 'data' in snapshot.parts.events ? snapshot.parts.events.data.counts : null;
    expect(counts!.incoming_chat_message).toBeGreaterThanOrEqual(100);
  });

  it('progress moves page by page while a long part streams', async () => {
    const { client, emulator } = recording('messy');
    const base = emulator.store.contacts.at(0);
    emulator.store.contacts = arrayList(
      Array.from({ length: 800 }, (_, i) => ({ ...structuredClone(base), id: 90_000_000 + i })),
    );
    const seen: { partsDone: number; requests: number }[] = [];
    await gather(client, { parts: ['contacts'], onProgress: (p) => seen.push(p) });
    const whileStreaming = seen.filter((p) => p.partsDone === 0 && p.requests > 0);
    expect(whileStreaming.length).toBeGreaterThanOrEqual(3);
    expect(whileStreaming.map((p) => p.requests)).toEqual(
      [...whileStreaming.map((p) => p.requests)].sort((a, b) => a - b),
    );
  });

  it('records what each part that loaded cost; the counts add up to the requests made', async () => {
    const { client, urls } = recording('messy');
    const snapshot = await gather(client);
    const byPart = snapshot.requests.byPart!;
    expect(Object.keys(byPart).sort()).toEqual([...AUDIT_PARTS].sort());
    expect(Object.values(byPart).reduce((a, b) => a + b, 0)).toBe(urls.length);
    expect(byPart.pipelines).toBe(1);
    // A part that failed is not recorded: its count says nothing about what reading it costs.
    const probe = recording('messy');
    const manager = recording('messy', { userId: probe.emulator.managerId! });
    const limited = await gather(manager.client);
    expect(limited.requests.byPart).not.toHaveProperty('users');
    expect(limited.requests.byPart).not.toHaveProperty('roles');
    expect(limited.requests.byPart).toHaveProperty('pipelines', 1);
  });

  it('the time left of a streaming part: none the first time, then from the first gathering’s counts, falling page by page', async () => {
    const { client, emulator } = recording('messy');
    const base = emulator.store.contacts.at(0);
    const contacts = (n: number) =>
      arrayList(Array.from({ length: n }, (_, i) => ({ ...structuredClone(base), id: 90_000_000 + i })));
    emulator.store.contacts = contacts(1000);
    const run = async (previous: Parameters<typeof gatherSnapshot>[1]['previous']) => {
      const seen: GatherProgress[] = [];
      const snapshot = await gather(client, {
        parts: ['contacts'],
        previous,
        clock: () => 0,
        onProgress: (p) => seen.push(p),
      });
      return { snapshot, streaming: seen.filter((p) => p.partsDone === 0 && p.requests > 0).map((p) => p.timeLeft) };
    };
    const first = await run(undefined);
    expect(first.streaming.length).toBeGreaterThanOrEqual(3);
    expect(
      first.streaming.every((t) => t.basis === 'unknown' && t.secondsLeft === null && t.requestsLeft === null),
    ).toBe(true);
    expect(first.streaming.map((t) => t.requests)).toEqual([1, 2, 3, 4]);
    expect(first.snapshot.requests.byPart).toEqual({ contacts: 4 });

    const second = await run(first.snapshot.requests.byPart);
    expect(second.streaming.map((t) => t.requestsLeft)).toEqual([3, 2, 1, 0]);
    // No clock movement observed: the throttle's limit is the rate.
    expect(second.streaming.map((t) => t.secondsLeft)).toEqual([3 / 1000, 2 / 1000, 1 / 1000, 0]);
    expect(second.streaming.every((t) => t.basis === 'previous' && t.running.join() === 'contacts')).toBe(true);

    // The account grew: once the part reads more pages than last time, no estimate.
    emulator.store.contacts = contacts(1300);
    const third = await run(first.snapshot.requests.byPart);
    expect(third.streaming.map((t) => t.basis)).toEqual([
      'previous',
      'previous',
      'previous',
      'previous',
      'beyond-previous',
      'beyond-previous',
    ]);
    expect(third.streaming.at(-1)).toMatchObject({ requestsLeft: null, secondsLeft: null });
  });

  it('a re-gather keeps the other parts’ counts and takes the fresh count of the parts read again', async () => {
    const { client } = recording('messy');
    const first = await gather(client);
    const again = await regatherParts(client, first, ['pipelines'], { now: () => new Date(FIXED_NOW) });
    expect(again.requests.byPart).toEqual({ ...first.requests.byPart, pipelines: 1 });
  });
});
