import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { activeNonAdmins } from '../../terms';
import { crmLinks } from '../../links';

/** Below this many non-admins, per-user rights are still manageable without roles. */
const MIN_TEAM = 3;

/** Users with hand-set rights instead of a role: rights drift apart and a role change misses them. */
export const usersWithoutRole = defineRule({
  meta: { id: 'users-without-role', area: 'rights', severity: 'low', requires: ['users'], fix: null },
  check(ctx) {
    const staff = activeNonAdmins(need(ctx, 'users'));
    if (staff.length < MIN_TEAM) return { outcome: 'not-applicable' };
    const items = staff
      .filter((u) => u.rights.role_id == null)
      .map((u) => ({
        id: `user:${u.id}`,
        message: { key: 'items.users-without-role.user', params: { user: u.name, email: u.email } },
        link: crmLinks.users(),
        data: { user_id: u.id },
      }));
    return { outcome: items.length ? 'fail' : 'pass', items };
  },
});
