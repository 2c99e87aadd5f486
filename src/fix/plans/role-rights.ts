/** Shared by export-open and delete-open: PATCH each listed role's too-wide right to the baseline's letter. */
import type { RoleDto } from '../../api/dto';
import { need } from '../../audit/context';
import type { Message } from '../../audit/types';
import { patchRole } from '../ops';
import type { Op, Plan } from '../types';
import type { PlanBuilder } from './shared';

type Entity = 'leads' | 'contacts' | 'companies';
const ENTITIES: readonly Entity[] = ['leads', 'contacts', 'companies'];

/** A plan builder for the rights rule `ruleId` about `action`. */
export function roleRightsPlan(ruleId: 'export-open' | 'delete-open', action: 'export' | 'delete'): PlanBuilder {
  return (ctx, result) => {
    const roles = need(ctx, 'roles');
    const ops: Op[] = [];
    const manual: Message[] = [];
    // Role → entities to narrow, in first-seen order (role items name one entity each; user items several).
    const wanted = new Map<number, Set<Entity>>();
    const want = (roleId: number, entities: readonly Entity[]) => {
      const set = wanted.get(roleId) ?? new Set<Entity>();
      for (const e of entities) set.add(e);
      wanted.set(roleId, set);
    };
    for (const item of result.items ?? []) {
      const d = (item.data ?? {}) as { kind?: string; role_id?: number | null; entity?: Entity; entities?: Entity[] };
      const entities = d.entities ?? (d.entity ? [d.entity] : []);
      if (d.kind === 'user' && (d.role_id ?? null) === null) {
        // The API has no user update: a user without a role is changed by hand (or given a role).
        manual.push({
          key: `fix.manual.userNoRole.${action}`,
          params: { user: String(item.message.params?.['user'] ?? '') },
        });
      } else if (typeof d.role_id === 'number') {
        want(d.role_id, entities);
      }
    }
    for (const [roleId, entities] of wanted) {
      const role = roles.find((r: RoleDto) => r.id === roleId);
      if (!role) continue;
      for (const entity of ENTITIES.filter((e) => entities.has(e))) {
        const after = ctx.baseline.managerRights[entity][action];
        const before = role.rights[entity]?.[action];
        if (before === after) continue;
        ops.push(
          patchRole(
            role,
            { [entity]: { [action]: after } },
            {
              key: `fix.op.roleRight.${action}.${entity}`,
              params: { role: role.name, before: before ?? '—', after },
            },
          ),
        );
      }
    }
    const plan: Plan = { ruleId, kind: 'confirm', ops, touches: ['users', 'roles'] };
    if (manual.length) plan.manual = manual;
    return plan;
  };
}
