import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { isActiveUser } from '../../terms';
import { crmLinks } from '../../links';
import type { Note } from '../../define-rule';

/** Open deals and contacts whose responsible user cannot work: nobody follows them up. */
export const recordsOwnedByInactiveUsers = defineRule({
  meta: {
    id: 'records-owned-by-inactive-users',
    area: 'data',
    severity: 'medium',
    requires: ['users', 'openLeads', 'contacts'],
    messages: ['user', 'unknown'],
  },
  check(ctx) {
    const users = need(ctx, 'users');
    const leads = need(ctx, 'openLeads').byOwner;
    const contacts = need(ctx, 'contacts').byOwner;
    const active = new Set(users.filter(isActiveUser).map((u) => String(u.id)));
    const owners = [...new Set([...Object.keys(leads), ...Object.keys(contacts)])]
      .filter((id) => !active.has(id) && ((leads[id] ?? 0) > 0 || (contacts[id] ?? 0) > 0))
      .sort((a, b) => Number(a) - Number(b));
    const items: Note[] = owners.map((id) => {
      const user = users.find((u) => String(u.id) === id);
      const counts = { leads: leads[id] ?? 0, contacts: contacts[id] ?? 0 };
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
