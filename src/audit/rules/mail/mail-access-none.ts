import type { Op } from '../../../fix/types';
import { defineRule, type Finding } from '../../define-rule';
import { need } from '../../context';
import { activeNonAdmins } from '../../terms';
import { crmLinks } from '../../links';
import type { Message } from '../../types';

type NoAccess = Finding<{ user_id: number; role_id: number | null }>;

/** Mail arrives, but no seller may open the Mail section, so letters wait for an admin. */
export const mailAccessNone = defineRule<NoAccess>({
  meta: {
    id: 'mail-access-none',
    area: 'mail',
    severity: 'medium',
    // roles: the fix turns mail access on in the sellers' roles and needs their current rights.
    requires: ['unsorted', 'notes', 'users', 'roles'],
    fix: 'confirm',
    messages: ['withAccess', 'user', 'userNoRole'],
  },
  check(ctx) {
    const signals = need(ctx, 'unsorted').counts.mail + need(ctx, 'notes').amomailMessages;
    const staff = activeNonAdmins(need(ctx, 'users'));
    if (signals === 0 || staff.length === 0) return 'not-applicable';
    const withAccess = staff.filter((u) => u.rights.mail_access === true);
    if (withAccess.length) {
      return {
        outcome: 'pass',
        evidence: [
          {
            id: 'users:mail_access',
            message: 'withAccess',
            params: { count: withAccess.length },
            data: { user_ids: withAccess.map((u) => u.id) },
          },
        ],
      };
    }
    const roles = need(ctx, 'roles');
    return staff.map((u): NoAccess => {
      const roleId = u.rights.role_id ?? null;
      const role = roles.find((r) => r.id === roleId);
      return {
        id: `user:${u.id}`,
        message: roleId === null ? 'userNoRole' : 'user',
        params: roleId === null ? { user: u.name } : { user: u.name, role: role?.name ?? `#${roleId}` },
        link: crmLinks.users(),
        data: { user_id: u.id, role_id: roleId },
      };
    });
  },
  /** Turn mail access on in the roles of active non-admin users; users without a role stay manual. */
  fix(ctx, findings, kit) {
    const roles = need(ctx, 'roles');
    const users = need(ctx, 'users');
    const ops: Op[] = [];
    const manual: Message[] = [];
    const done = new Set<number>();
    for (const { data } of findings) {
      if (data.role_id === null) {
        const user = users.find((u) => u.id === data.user_id)?.name ?? `#${data.user_id}`;
        manual.push({ key: 'fix.manual.userNoRole.mail', params: { user } });
        continue;
      }
      const role = roles.find((r) => r.id === data.role_id);
      if (!role || done.has(role.id) || role.rights.mail_access === true) continue;
      done.add(role.id);
      const summary = { key: 'fix.op.roleMailAccess', params: { role: role.name } };
      ops.push(kit.patchRole(role, { mail_access: true }, summary));
    }
    return { ops, manual };
  },
});
