import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { activeNonAdmins, MIN_TEAM } from '../../terms';
import { crmLinks } from '../../links';

/** Users with hand-set rights instead of a role: rights drift apart and a role change misses them. */
export const usersWithoutRole = defineRule({
  meta: { id: 'users-without-role', area: 'rights', severity: 'low', requires: ['users'], messages: ['user'] },
  check(ctx) {
    const staff = activeNonAdmins(need(ctx, 'users'));
    if (staff.length < MIN_TEAM) return 'not-applicable';
    return staff
      .filter((u) => u.rights.role_id == null)
      .map((u) => ({
        id: `user:${u.id}`,
        message: 'user',
        params: { user: u.name, email: u.email },
        link: crmLinks.users(),
        data: { user_id: u.id },
      }));
  },
});
