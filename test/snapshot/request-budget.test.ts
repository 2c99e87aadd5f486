/**
 * The request budget (design §6, as amended for the In use area in README "Request budget"): an audit makes exactly
 * its lower bound of requests — one read per resource, one more per further full page of a list the product pages
 * through — and a typical account's set-up areas take at most 15 of them, the In use area two more (open tasks,
 * webhooks: lists no other read covers). The bound is counted here from the emulator's raw store, not from the
 * product's gatherers, so a repeated read, a wasted page or a new read nobody budgeted makes this fail.
 */
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/api/client';
import { AUDIT_PARTS, IN_USE_LISTS } from '../../src/audit/parts';
import { RULES } from '../../src/audit/registry';
import { gatherSnapshot } from '../../src/snapshot/gather';
import type { Store } from '../../src/emulator/store';
import { iterate } from '../../src/emulator/store';
import { emulated, FIXED_NOW } from '../support/emulated';

const PAGE = 250;
const pages = (n: number) => Math.max(1, Math.ceil(n / PAGE));
const SIGNAL_EVENTS = new Set(['incoming_call', 'outgoing_call', 'incoming_chat_message']);
/** Stands for "1 to 4" in the bound of a full events page, whose probes depend on the page's undocumented order. */
const PROBED = -1;

/** The fewest requests that read everything the rules need from this store, by resource. */
function lowerBound(s: Store, window: { from: number; to: number }): Record<string, number> {
  let openTasks = 0;
  for (const t of iterate(s.tasks)) if (!t.is_completed) openTasks += 1;
  const signalEvents = s.events.filter(
    (e) => SIGNAL_EVENTS.has(e.type) && e.created_at >= window.from && e.created_at <= window.to,
  ).length;
  return {
    account: 1,
    users: pages(s.users.length),
    roles: pages(s.roles.length),
    'leads/custom_fields': pages(s.fields.leads.length),
    'contacts/custom_fields': pages(s.fields.contacts.length),
    'companies/custom_fields': pages(s.fields.companies.length),
    'leads/pipelines': pages(s.pipelines.length),
    widgets: pages(s.widgets.length),
    // One newest-first page by design: more than a page waiting is itself the finding.
    'leads/unsorted': 1,
    // One page of 100; only a full page sends one limit=1 probe per type it did not hold (at most 3, below).
    events: signalEvents > 100 ? PROBED : 1,
    // One page each of the window's mail and call notes: signals, not a census.
    'leads/notes': 1,
    'contacts/notes': 1,
    website_buttons: pages(s.websiteButtons.length),
    contacts: pages(s.contacts.length),
    // Without contacts, whether companies exist is asked with limit=1.
    ...(s.contacts.length === 0 ? { companies: 1 } : {}),
    leads: pages(s.leads.length),
    tasks: pages(openTasks),
    webhooks: 1,
  };
}

/** The request's resource: its path after /api/v4/, without query. */
const resource = (url: string) => new URL(url, 'https://emulator.test').pathname.replace('/api/v4/', '');

async function audit(seed: string) {
  const { emulator } = emulated(seed);
  const urls: string[] = [];
  const client = new ApiClient({
    baseUrl: 'https://emulator.test',
    token: 'dev-token',
    rps: 1000,
    fetch: (input, init) => {
      urls.push(String(input));
      return emulator.fetch(input, init);
    },
  });
  const snapshot = await gatherSnapshot(client, {
    parts: AUDIT_PARTS,
    windowDays: 30,
    now: () => new Date(FIXED_NOW),
  });
  const byResource: Record<string, number> = {};
  for (const url of urls) byResource[resource(url)] = (byResource[resource(url)] ?? 0) + 1;
  return { store: emulator.store, snapshot, urls, byResource };
}

describe('the request budget', () => {
  // large is included: its 100,000 contacts, 12 pages of leads and two-page fields lists are where a wasted page
  // would show (about 10 s alone, hence the longer timeout on a loaded machine).
  it.each(['fresh', 'messy', 'clean', 'busy', 'large'])(
    '%s is audited in exactly its lower bound of requests',
    async (seed) => {
      const { store, snapshot, urls, byResource } = await audit(seed);
      const bound = lowerBound(store, snapshot.window);
      if (bound.events === PROBED) {
        expect(byResource.events).toBeGreaterThanOrEqual(1);
        expect(byResource.events).toBeLessThanOrEqual(1 + SIGNAL_EVENTS.size);
        bound.events = byResource.events!;
      }
      expect(byResource).toEqual(bound);
      expect(snapshot.requests.count).toBe(urls.length);
      expect(new Set(urls).size).toBe(urls.length);
    },
    120_000,
  );

  it('the typical account (messy): the set-up areas in 15 requests, the In use area adds its 2 lists', async () => {
    const { snapshot } = await audit('messy');
    const byPart = snapshot.requests.byPart ?? {};
    const inUse = RULES.filter((r) => r.meta.area === 'usage').flatMap((r) => r.meta.requires);
    for (const part of IN_USE_LISTS) expect(inUse).toContain(part);
    const usageOnly = IN_USE_LISTS.reduce((n, part) => n + (byPart[part] ?? 0), 0);
    expect(usageOnly).toBe(2);
    expect(snapshot.requests.count - usageOnly).toBeLessThanOrEqual(15);
    expect(snapshot.requests.count).toBe(17);
  });

  it('busy (about 300 leads) pays only for its second pages of leads and contacts', async () => {
    const { store, byResource } = await audit('busy');
    expect(store.leads.length).toBeGreaterThan(PAGE);
    expect(store.contacts.length).toBeGreaterThan(PAGE);
    expect([byResource.leads, byResource.contacts]).toEqual([2, 2]);
    expect(Object.values(byResource).reduce((a, b) => a + b, 0)).toBe(19);
  });
});
