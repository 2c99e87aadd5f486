import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { isActiveUser } from '../../terms';
import { crmLinks } from '../../links';
import type { Note } from '../../define-rule';

/** Open deals, contacts and open tasks whose responsible user cannot work: nobody follows them up. */
export const recordsOwnedByInactiveUsers = defineRule({
  meta: {
    id: 'records-owned-by-inactive-users',
    area: 'data',
    severity: 'medium',
    requires: ['users', 'leads', 'contacts', 'tasks'],
    messages: ['user', 'unknown'],
  },
  check(ctx) {
    const users = need(ctx, 'users');
    const leads = need(ctx, 'leads').byOwner;
    const contacts = need(ctx, 'contacts').byOwner;
    // A task's owner comes from the task list itself, not from the record it is linked to.
    const tasks: Record<string, number> = {};
    for (const t of need(ctx, 'tasks')) tasks[t.owner] = (tasks[t.owner] ?? 0) + 1;
    const active = new Set(users.filter(isActiveUser).map((u) => String(u.id)));
    const owners = [...new Set([...Object.keys(leads), ...Object.keys(contacts), ...Object.keys(tasks)])]
      .filter((id) => !active.has(id) && ((leads[id] ?? 0) > 0 || (contacts[id] ?? 0) > 0 || (tasks[id] ?? 0) > 0))
      .sort((a, b) => Number(a) - Number(b));
    const items: Note[] = owners.map((id) => {
      const user = users.find((u) => String(u.id) === id);
      const counts = { leads: leads[id] ?? 0, contacts: contacts[id] ?? 0, tasks: tasks[id] ?? 0 };
      return {
        id: `user:${id}`,
        message: user ? 'user' : 'unknown',
        params: user ? { user: user.name, ...counts } : { user_id: id, ...counts },
        link: crmLinks.users(),
        data: { user_id: Number(id), known: !!user, ...counts },
      };
    });
    return items;
  },
});
