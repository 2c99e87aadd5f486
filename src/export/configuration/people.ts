import type { CellValue, SheetSpec } from '../xlsx/types';
import type { DocContext } from './context';
import { col, fromPart, yesNo } from './context';
import { roleRightsOf } from '../../blueprint/rights';
import { rightHeaders, rightLabel, rightValues } from './labels';

function rightsColumns(ctx: DocContext) {
  return rightHeaders(ctx.t).map((header) => ({ header, width: 12 }));
}

/** Users & rights: one row per user with flags, role, group and the 15 entity rights. */
export function usersSheet(ctx: DocContext): SheetSpec {
  const { t, snapshot } = ctx;
  const columns = [
    col(t, 'user', 26),
    col(t, 'email', 28),
    col(t, 'active', 10),
    col(t, 'admin', 10),
    col(t, 'free', 10),
    col(t, 'role', 20),
    col(t, 'group', 18),
    ...rightsColumns(ctx),
    col(t, 'mailAccess', 12),
  ];
  const roles = 'data' in snapshot.parts.roles ? snapshot.parts.roles.data : [];
  const account = 'data' in snapshot.parts.account ? snapshot.parts.account.data : undefined;
  const groups = account?._embedded?.users_groups ?? [];
  return fromPart(ctx, 'users', snapshot.parts.users, t('export.sheet.users'), columns, (users) =>
    [...users]
      .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id)
      .map((u): CellValue[] => {
        const r = u.rights;
        const roleName =
          r.role_id === null
            ? ''
            : (roles.find((x) => x.id === r.role_id)?.name ??
              u._embedded?.roles?.find((x) => x.id === r.role_id)?.name ??
              `#${r.role_id}`);
        const groupName =
          r.group_id === null
            ? ''
            : (groups.find((g) => g.id === r.group_id)?.name ??
              u._embedded?.groups?.find((g) => g.id === r.group_id)?.name ??
              `#${r.group_id}`);
        return [
          u.name,
          u.email,
          yesNo(t, r.is_active),
          yesNo(t, r.is_admin),
          yesNo(t, r.is_free),
          roleName,
          groupName,
          ...(r.is_admin ? rightValues(t, ADMIN_RIGHTS) : rightValues(t, r)),
          yesNo(t, r.is_admin || r.mail_access),
        ];
      }),
  );
}

// Admins can do everything whatever their stored rights say; the document shows that.
const ALL = { view: 'A', edit: 'A', add: 'A', delete: 'A', export: 'A' } as const;
const ADMIN_RIGHTS = { leads: ALL, contacts: ALL, companies: ALL };

/** Roles: one row per role with its users count and rights. */
export function rolesSheet(ctx: DocContext): SheetSpec {
  const { t, snapshot } = ctx;
  const columns = [
    col(t, 'role', 24),
    col(t, 'usersCount', 12),
    ...rightsColumns(ctx),
    col(t, 'mailAccess', 12),
    col(t, 'tasksEdit', 12),
    col(t, 'tasksDelete', 12),
    col(t, 'catalogAccess', 12),
  ];
  const users = 'data' in snapshot.parts.users ? snapshot.parts.users.data : null;
  return fromPart(ctx, 'roles', snapshot.parts.roles, t('export.sheet.roles'), columns, (roles) =>
    [...roles]
      .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id)
      .map((role): CellValue[] => {
        const count = users
          ? users.filter((u) => u.rights.role_id === role.id).length
          : (role._embedded?.users?.length ?? null);
        // Complete, as the document is also applied: a right the role lacks is shown as the denial it means.
        const r = roleRightsOf(role.rights);
        return [
          role.name,
          count,
          ...rightValues(t, r),
          yesNo(t, r.mail_access),
          rightLabel(t, r.tasks.edit),
          rightLabel(t, r.tasks.delete),
          yesNo(t, r.catalog_access),
        ];
      }),
  );
}
