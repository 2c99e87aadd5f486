import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { activeAdmins, activeUsers } from '../../terms';
import { crmLinks } from '../../links';

/** Minimum active users before a lone admin becomes a risk (nobody can cover for them). */
const MIN_TEAM = 3;

/** One admin in a working team: when they are away nobody can change settings or rights. */
export const singleAdmin = defineRule({
  meta: { id: 'single-admin', area: 'rights', severity: 'medium', requires: ['users'], fix: null },
  check(ctx) {
    const users = need(ctx, 'users');
    if (activeUsers(users).length < MIN_TEAM) return { outcome: 'not-applicable' };
    const admins = activeAdmins(users);
    if (admins.length !== 1) return { outcome: 'pass' };
    const admin = admins[0]!;
    return {
      outcome: 'fail',
      items: [
        {
          id: `user:${admin.id}`,
          message: { key: 'items.single-admin.admin', params: { user: admin.name, email: admin.email } },
          link: crmLinks.users(),
          data: { user_id: admin.id },
        },
      ],
    };
  },
});
