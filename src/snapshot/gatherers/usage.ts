import type { HalList, TaskDto, WebhookDto } from '../../api/dto';
import { MalformedResponseError } from '../../api/errors';
import type { OpenTask, WebhookView } from '../types';
import { gatherer } from './types';

const isInt = (v: unknown): v is number => Number.isInteger(v);

/**
 * Open tasks: one paged read of `filter[is_completed]=0` (a documented task filter). Each task is checked
 * again here, because a server that ignores the filter would otherwise make done tasks count as open. A task
 * without the documented integers (`id`, `responsible_user_id`, `complete_till`) or boolean `is_completed`
 * is skipped and counted as unreadable: a missing deadline read as 0 would make it overdue since 1970.
 */
export const tasks = gatherer('tasks', async ({ client, signal, tick, unreadable }): Promise<OpenTask[]> => {
  const open: OpenTask[] = [];
  const query = { 'filter[is_completed]': 0 };
  for await (const page of client.pages<TaskDto>('/api/v4/tasks', 'tasks', { query, signal })) {
    for (const t of page) {
      if (t && typeof t === 'object' && t.is_completed === true) continue;
      if (
        !t ||
        typeof t !== 'object' ||
        t.is_completed !== false ||
        !isInt(t.id) ||
        !isInt(t.responsible_user_id) ||
        !isInt(t.complete_till)
      ) {
        unreadable?.();
        continue;
      }
      // Linked to nothing (the docs allow it; null vs 0 is undocumented): kept, owned, but no entity.
      const linked = typeof t.entity_type === 'string' && isInt(t.entity_id) && t.entity_id > 0;
      open.push({
        id: t.id,
        owner: t.responsible_user_id,
        entityType: linked ? (t.entity_type as string) : null,
        entityId: linked ? (t.entity_id as number) : null,
        completeTill: t.complete_till,
      });
    }
    tick();
  }
  return open;
});

/** A destination without its query, fragment or credentials: enough to recognise the hook, no secret kept. */
function safeDestination(raw: unknown): string {
  try {
    const url = new URL(String(raw));
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '';
  }
}

/**
 * The account's webhooks (admin only: a 403 fails the part, like users and roles). The list documents no
 * paging (an account has at most 100 hooks), so it is one request without paging parameters.
 */
export const webhooks = gatherer('webhooks', async ({ client, signal, unreadable }): Promise<WebhookView[]> => {
  const body = await client.get<HalList<'webhooks', WebhookDto>>('/api/v4/webhooks', { signal });
  const list: unknown = body?._embedded?.webhooks ?? [];
  if (!Array.isArray(list)) {
    const at = { method: 'GET' as const, path: '/api/v4/webhooks', status: 200 };
    throw new MalformedResponseError(at, '_embedded.webhooks is not a list');
  }
  const readable = (list as WebhookDto[]).filter((w) => w && typeof w === 'object' && isInt(w.id));
  if (readable.length < list.length) unreadable?.(list.length - readable.length);
  return readable.map((w) => ({
    id: w.id,
    destination: safeDestination(w.destination),
    disabled: w.disabled === true,
  }));
});
