/** The fix shared by `export-open` and `delete-open`: each listed role's too-wide right → the baseline's letter. */
import type { Message, RuleContext } from '../audit/types';
import type { FixOutput } from '../audit/define-rule';
import { need } from '../audit/context';
import type { OpenAction, OpenRightFinding } from '../audit/open-rights';
import { RIGHT_ENTITIES, type RightEntity } from '../audit/terms';
import type { OpKit } from './op-kit';
import type { RoleDto } from '../api/dto';
import type { Op } from './types';

/** One PATCH per role and entity; users without a role become manual steps (the API has no user update). */
export function narrowRightsFix(
  action: OpenAction,
): (ctx: RuleContext, findings: readonly OpenRightFinding[], ops: OpKit) => FixOutput {
  return (ctx, findings, kit) => {
    const roles = need(ctx, 'roles');
    const users = need(ctx, 'users');
    const manual: Message[] = [];
    // Role → entities to narrow, in first-seen order (role findings name one entity each; user findings several).
    const wanted = new Map<number, Set<RightEntity>>();
    for (const { data } of findings) {
      if (data.kind === 'user' && data.role_id === null) {
        const name = users.find((u) => u.id === data.user_id)?.name ?? `#${data.user_id}`;
        manual.push({ key: `fix.manual.userNoRole.${action}`, params: { user: name } });
        continue;
      }
      if (data.role_id === null) continue;
      const set = wanted.get(data.role_id) ?? new Set<RightEntity>();
      for (const e of data.kind === 'role' ? [data.entity] : data.entities) set.add(e);
      wanted.set(data.role_id, set);
    }
    const ops: Op[] = [];
    for (const [roleId, entities] of wanted) {
      let role = roles.find((r) => r.id === roleId);
      if (!role) continue;
      for (const entity of RIGHT_ENTITIES.filter((e) => entities.has(e))) {
        const after = ctx.baseline.managerRights[entity][action];
        const before = role.rights[entity]?.[action];
        if (before === after) continue;
        const op = kit.patchRole(
          role,
          { [entity]: { [action]: after } },
          { key: `fix.op.roleRight.${action}.${entity}`, params: { role: role.name, before: before ?? '—', after } },
        );
        ops.push(op);
        // The next PATCH of this role builds on this one: each sends the whole rights object, so one built on
        // the rights as read would put back what this op narrowed (a replacing PATCH keeps only the last body).
        role = { ...role, rights: (op.body as { rights: RoleDto['rights'] }).rights };
      }
    }
    return { ops, manual };
  };
}
