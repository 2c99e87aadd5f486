import { need } from '../../audit/context';
import type { Message } from '../../audit/types';
import { patchRole } from '../ops';
import type { Op, Plan } from '../types';
import type { PlanBuilder } from './shared';

/** Confirm: turn mail access on in the roles of active non-admin users; users without a role stay manual. */
export const mailAccessNonePlan: PlanBuilder = (ctx, result) => {
  const roles = need(ctx, 'roles');
  const users = need(ctx, 'users');
  const ops: Op[] = [];
  const manual: Message[] = [];
  const done = new Set<number>();
  for (const item of result.items ?? []) {
    const d = item.data as { user_id: number; role_id: number | null };
    if (d.role_id === null) {
      manual.push({
        key: 'fix.manual.userNoRole.mail',
        params: { user: users.find((u) => u.id === d.user_id)?.name ?? `#${d.user_id}` },
      });
      continue;
    }
    const role = roles.find((r) => r.id === d.role_id);
    if (!role || done.has(role.id) || role.rights.mail_access === true) continue;
    done.add(role.id);
    ops.push(patchRole(role, { mail_access: true }, { key: 'fix.op.roleMailAccess', params: { role: role.name } }));
  }
  const plan: Plan = {
    ruleId: 'mail-access-none',
    kind: 'confirm',
    ops,
    touches: ['unsorted', 'notes', 'users', 'roles'],
  };
  if (manual.length) plan.manual = manual;
  return plan;
};
