import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/api/client';
import { unsorted } from '../../src/snapshot/gatherers/signals';
import type { GatherContext } from '../../src/snapshot/gatherers/types';

// The unsorted list is one page, newest first: whether more wait beyond it decides what the rules may claim.
const WINDOW = { from: 1_000_000, to: 1_000_000 + 30 * 86_400, days: 30 };

function ctxOver(body: unknown): GatherContext {
  const client = { get: async () => body } as unknown as ApiClient;
  return { client, window: WINDOW, tick: () => {}, part: async () => undefined };
}

const items = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ uid: `u${i}`, category: 'forms', created_at: WINDOW.to - 60 - i }));
const next = { next: { href: '/api/v4/leads/unsorted?page=2' } };

describe('unsorted gatherer: more beyond the page', () => {
  it.each([
    { name: 'a short page without a next link', body: { _embedded: { unsorted: items(3) } }, more: false },
    { name: 'a full page with a next link', body: { _links: next, _embedded: { unsorted: items(250) } }, more: true },
    {
      name: 'a full page without a next link (harsh reading)',
      body: { _embedded: { unsorted: items(250) } },
      more: true,
    },
    {
      name: 'a short page that still links a next one',
      body: { _links: next, _embedded: { unsorted: items(3) } },
      more: true,
    },
    { name: 'an empty answer (204)', body: null, more: false },
  ])('$name → more $more', async ({ body, more }) => {
    const signal = await unsorted.run(ctxOver(body));
    expect(signal.more).toBe(more);
    // Every arrival on the page is inside the window, so more beyond it means the counts are not complete.
    expect(signal.complete).toBe(!more);
  });
});
