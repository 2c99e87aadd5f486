import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { activeNonAdmins } from '../../terms';
import { crmLinks } from '../../links';
import type { Item } from '../../types';

/** Mail arrives, but no seller may open the Mail section, so letters wait for an admin. */
export const mailAccessNone = defineRule({
  meta: {
    id: 'mail-access-none',
    area: 'mail',
    severity: 'medium',
    // roles: the fix turns mail access on in the sellers' roles and needs their current rights.
    requires: ['unsorted', 'notes', 'users', 'roles'],
    fix: 'confirm',
  },
  check(ctx) {
    const signals = need(ctx, 'unsorted').counts.mail + need(ctx, 'notes').amomailMessages;
    const staff = activeNonAdmins(need(ctx, 'users'));
    if (signals === 0 || staff.length === 0) return { outcome: 'not-applicable' };
    const withAccess = staff.filter((u) => u.rights.mail_access === true);
    if (withAccess.length) {
      return {
        outcome: 'pass',
        evidence: [
          {
            id: 'users:mail_access',
            message: { key: 'items.mail-access-none.withAccess', params: { count: withAccess.length } },
            data: { user_ids: withAccess.map((u) => u.id) },
          },
        ],
      };
    }
    const roles = need(ctx, 'roles');
    return {
      outcome: 'fail',
      items: staff.map((u): Item => {
        const roleId = u.rights.role_id ?? null;
        const role = roles.find((r) => r.id === roleId);
        return {
          id: `user:${u.id}`,
          message:
            roleId === null
              ? { key: 'items.mail-access-none.userNoRole', params: { user: u.name } }
              : { key: 'items.mail-access-none.user', params: { user: u.name, role: role?.name ?? `#${roleId}` } },
          link: crmLinks.users(),
          data: { user_id: u.id, role_id: roleId },
        };
      }),
    };
  },
});
