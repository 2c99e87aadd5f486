/**
 * Shared by `export-open` and `delete-open`: which active non-admin users and which roles
 * hold a too-wide right on deals, contacts or companies.
 */
import type { EntityRights, RightLetter, RoleDto, UserDto } from '../api/dto';
import type { Finding } from './define-rule';
import { activeNonAdmins, RIGHT_ENTITIES, type RightEntity } from './terms';
import { crmLinks } from './links';

/** The right a rule is about. */
export type OpenAction = 'export' | 'delete';

/** What a finding says: a role open on one entity, or an active non-admin user (with their role) open on some. */
export type OpenRightData =
  | { kind: 'role'; role_id: number; entity: RightEntity; value: RightLetter }
  | { kind: 'user'; user_id: number; role_id: number | null; entities: RightEntity[] };

/** A too-wide right. */
export type OpenRightFinding = Finding<OpenRightData>;

/** Message ids of the findings (`items.<rule>.<id>`): one per entity for roles, so the text names it. */
export const OPEN_RIGHT_MESSAGES = [...RIGHT_ENTITIES.map((e) => `role.${e}`), 'user', 'userNoRole'] as const;

function openEntities(
  rights: Partial<Record<RightEntity, EntityRights>>,
  action: OpenAction,
  open: readonly RightLetter[],
): RightEntity[] {
  return RIGHT_ENTITIES.filter((e) => {
    const letter = rights[e]?.[action];
    return letter !== undefined && open.includes(letter);
  });
}

/** Findings for roles (one per role × entity) and active non-admin users whose `action` right is one of `open`. */
export function openRightFindings(
  users: readonly UserDto[],
  roles: readonly RoleDto[],
  action: OpenAction,
  open: readonly RightLetter[],
): OpenRightFinding[] {
  const findings: OpenRightFinding[] = [];
  for (const role of roles) {
    for (const entity of openEntities(role.rights, action, open)) {
      const value = role.rights[entity]![action]!;
      findings.push({
        id: `role:${role.id}@${entity}`,
        message: `role.${entity}`,
        params: { role: role.name, value },
        link: crmLinks.roles(),
        data: { kind: 'role', role_id: role.id, entity, value },
      });
    }
  }
  for (const user of activeNonAdmins(users)) {
    const entities = openEntities(user.rights, action, open);
    if (!entities.length) continue;
    const roleId = user.rights.role_id ?? null;
    const role = roles.find((r) => r.id === roleId);
    findings.push({
      id: `user:${user.id}`,
      message: roleId === null ? 'userNoRole' : 'user',
      params:
        roleId === null
          ? { user: user.name, count: entities.length }
          : { user: user.name, role: role?.name ?? `#${roleId}`, count: entities.length },
      link: crmLinks.users(),
      data: { kind: 'user', user_id: user.id, role_id: roleId, entities },
    });
  }
  return findings;
}
