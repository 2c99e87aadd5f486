import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { isActiveUser } from '../../terms';
import { crmLinks } from '../../links';
import type { Item } from '../../types';

/** Open deals and contacts whose responsible user cannot work: nobody follows them up. */
export const recordsOwnedByInactiveUsers = defineRule({
  meta: {
    id: 'records-owned-by-inactive-users',
    area: 'data',
    severity: 'medium',
    requires: ['users', 'openLeads', 'contacts'],
    fix: null,
  },
  check(ctx) {
    const users = need(ctx, 'users');
    const leads = need(ctx, 'openLeads').byOwner;
    const contacts = need(ctx, 'contacts').byOwner;
    const active = new Set(users.filter(isActiveUser).map((u) => String(u.id)));
    const owners = [...new Set([...Object.keys(leads), ...Object.keys(contacts)])]
      .filter((id) => !active.has(id) && ((leads[id] ?? 0) > 0 || (contacts[id] ?? 0) > 0))
      .sort((a, b) => Number(a) - Number(b));
    const items: Item[] = owners.map((id) => {
      const user = users.find((u) => String(u.id) === id);
      const counts = { leads: leads[id] ?? 0, contacts: contacts[id] ?? 0 };
      return {
        id: `user:${id}`,
        message: user
          ? { key: 'items.records-owned-by-inactive-users.user', params: { user: user.name, ...counts } }
          : { key: 'items.records-owned-by-inactive-users.unknown', params: { user_id: id, ...counts } },
        link: crmLinks.users(),
        data: { user_id: Number(id), known: !!user, ...counts },
      };
    });
    return { outcome: items.length ? 'fail' : 'pass', items };
  },
});
