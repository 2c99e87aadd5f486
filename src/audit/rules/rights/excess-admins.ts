import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { activeAdmins, activeUsers } from '../../terms';
import { crmLinks } from '../../links';

/** More admins than the team needs: every admin can change settings, rights and delete anything. */
export const excessAdmins = defineRule({
  meta: { id: 'excess-admins', area: 'rights', severity: 'high', requires: ['users'], messages: ['admin'] },
  check(ctx) {
    const users = need(ctx, 'users');
    const admins = activeAdmins(users);
    const { maxAdmins, maxAdminShare } = ctx.baseline.thresholds;
    const limit = Math.max(maxAdmins, Math.ceil(maxAdminShare * activeUsers(users).length));
    if (admins.length <= limit) return [];
    return admins.map((u) => ({
      id: `user:${u.id}`,
      message: 'admin',
      params: { user: u.name, email: u.email },
      link: crmLinks.users(),
      data: { user_id: u.id, admins: admins.length, limit },
    }));
  },
});
