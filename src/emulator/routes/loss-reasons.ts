/**
 * amoCRM's own loss-reason list: GET list and GET by id only (Kommo documents these two; every write is
 * known from the official client alone, so none is offered). The list is not paged (R-LR-1).
 */
import { route } from '../router';
import type { Route } from '../router';
import { Problem, hal, noContent } from '../http';
import { lossReasonOut } from '../serialize';

/** Loss-reason routes. */
export const lossReasonRoutes: Route[] = [
  // Answered whatever `is_loss_reason_enabled` says: what the flag does to the list is undocumented, so the
  // list alone never tells a reader that the feature is on.
  route('GET', '/api/v4/leads/loss_reasons', (ctx) => {
    const list = [...ctx.store.lossReasons].sort((a, b) => a.sort - b.sort || a.id - b.id);
    if (list.length === 0) return noContent();
    return hal({
      _total_items: list.length,
      _embedded: { loss_reasons: list.map((r) => lossReasonOut(ctx.origin, r)) },
    });
  }),
  route('GET', '/api/v4/leads/loss_reasons/:id(\\d+)', (ctx) => {
    const r = ctx.store.lossReasons.find((x) => x.id === Number(ctx.params['id']));
    if (!r) throw new Problem(404, 'Loss reason not found');
    return hal(lossReasonOut(ctx.origin, r));
  }),
];
