/**
 * Shared by `export-open` and `delete-open`: which active non-admin users and which roles
 * hold a too-wide right on deals, contacts or companies.
 */
import type { EntityRights, RightLetter, RoleDto, UserDto } from '../api/dto';
import { activeNonAdmins } from './terms';
import { crmLinks } from './links';
import type { Item } from './types';

const ENTITIES = ['leads', 'contacts', 'companies'] as const;

function openEntities(
  rights: Partial<Record<(typeof ENTITIES)[number], EntityRights>>,
  action: 'export' | 'delete',
  open: readonly RightLetter[],
): string[] {
  return ENTITIES.filter((e) => {
    const letter = rights[e]?.[action];
    return letter !== undefined && open.includes(letter);
  });
}

/**
 * Items for roles (one per role × entity) and active non-admin users (with their role) whose `action`
 * right is one of `open`; message keys live under `keyPrefix`, e.g. `items.export-open.`.
 */
export function openRightItems(
  keyPrefix: string,
  users: readonly UserDto[],
  roles: readonly RoleDto[],
  action: 'export' | 'delete',
  open: readonly RightLetter[],
): Item[] {
  const items: Item[] = [];
  for (const role of roles) {
    // One item per role and entity, so the text can name the entity in the reader's language.
    for (const entity of openEntities(role.rights, action, open)) {
      const value = role.rights[entity as 'leads']?.[action];
      items.push({
        id: `role:${role.id}@${entity}`,
        message: { key: `${keyPrefix}role.${entity}`, params: { role: role.name, value: value ?? '' } },
        link: crmLinks.roles(),
        data: { kind: 'role', role_id: role.id, entity, value },
      });
    }
  }
  for (const user of activeNonAdmins(users)) {
    const entities = openEntities(user.rights, action, open);
    if (!entities.length) continue;
    const role = roles.find((r) => r.id === user.rights.role_id);
    items.push({
      id: `user:${user.id}`,
      message:
        user.rights.role_id == null
          ? { key: `${keyPrefix}userNoRole`, params: { user: user.name, count: entities.length } }
          : {
              key: `${keyPrefix}user`,
              params: { user: user.name, role: role?.name ?? `#${user.rights.role_id}`, count: entities.length },
            },
      link: crmLinks.users(),
      data: { kind: 'user', user_id: user.id, role_id: user.rights.role_id ?? null, entities },
    });
  }
  return items;
}
