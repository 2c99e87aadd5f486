import type { HalList, TaskDto, WebhookDto } from '../../api/dto';
import type { OpenTask, WebhookView } from '../types';
import { gatherer } from './types';

/**
 * Open tasks: one paged read of `filter[is_completed]=0` (a documented task filter). Each task is checked
 * again here, because a server that ignores the filter would otherwise make done tasks count as open.
 */
export const tasks = gatherer('tasks', async ({ client, signal, tick }): Promise<OpenTask[]> => {
  const open: OpenTask[] = [];
  const query = { 'filter[is_completed]': 0 };
  for await (const page of client.pages<TaskDto>('/api/v4/tasks', 'tasks', { query, signal })) {
    for (const t of page) {
      if (!t || typeof t.id !== 'number' || t.is_completed !== false) continue;
      const linked = typeof t.entity_type === 'string' && typeof t.entity_id === 'number' && t.entity_id > 0;
      open.push({
        id: t.id,
        owner: Number(t.responsible_user_id ?? 0),
        entityType: linked ? (t.entity_type as string) : null,
        entityId: linked ? (t.entity_id as number) : null,
        completeTill: Number(t.complete_till ?? 0),
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
export const webhooks = gatherer('webhooks', async ({ client, signal }): Promise<WebhookView[]> => {
  const body = await client.get<HalList<'webhooks', WebhookDto>>('/api/v4/webhooks', { signal });
  return (body?._embedded?.webhooks ?? [])
    .filter((w) => w && typeof w.id === 'number')
    .map((w) => ({ id: w.id, destination: safeDestination(w.destination), disabled: w.disabled === true }));
});
