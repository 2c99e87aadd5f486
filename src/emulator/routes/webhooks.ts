/**
 * GET /api/v4/webhooks: admin only, one documented filter (`filter[destination]`, exact), no paging (an
 * account holds at most 100 hooks), `_total_items` and items without `_links`, as the docs' example (R-WH-1).
 */
import { requireAdmin, route } from '../router';
import type { Route } from '../router';
import { hal, noContent } from '../http';
import { clone } from '../serialize';

/** Webhook routes. */
export const webhookRoutes: Route[] = [
  route('GET', '/api/v4/webhooks', (ctx) => {
    requireAdmin(ctx);
    const destination = ctx.query.get('filter[destination]');
    const list = ctx.store.webhooks
      .filter((w) => destination === null || w.destination === destination)
      .sort((a, b) => a.sort - b.sort || a.id - b.id);
    if (list.length === 0) return noContent();
    return hal({ _total_items: list.length, _embedded: { webhooks: list.map((w) => clone(w)) } });
  }),
];
