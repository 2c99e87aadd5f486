import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { activeAdmins, activeUsers, MIN_TEAM } from '../../terms';
import { crmLinks } from '../../links';

/** One admin in a working team: when they are away nobody can change settings or rights. */
export const singleAdmin = defineRule({
  meta: { id: 'single-admin', area: 'rights', severity: 'medium', requires: ['users'], messages: ['admin'] },
  check(ctx) {
    const users = need(ctx, 'users');
    if (activeUsers(users).length < MIN_TEAM) return 'not-applicable';
    const admins = activeAdmins(users);
    if (admins.length !== 1) return [];
    const admin = admins[0]!;
    return [
      {
        id: `user:${admin.id}`,
        message: 'admin',
        params: { user: admin.name, email: admin.email },
        link: crmLinks.users(),
        data: { user_id: admin.id },
      },
    ];
  },
});
