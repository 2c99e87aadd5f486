import type { UserRecord } from '../store';

/** Whom the local CRM page shows, and why it is not whom `?user=` asked for (null when it is). */
export interface ViewAs {
  user: UserRecord;
  /** Said on the page's bar and printed by `npm start`: a silent fallback would read as the wrong view. */
  notice: string | null;
}

/**
 * Picks the user the page is viewed as from `?user=admin|manager|<id>` (design §5). When the seed has no
 * such user the page falls back to the admin and says so, so a manager's test is never run as the admin
 * by mistake. A deactivated user is viewed as asked (the account then refuses their requests with 401,
 * which is what the view is for), and the notice says that too.
 */
export function viewAs(
  users: readonly UserRecord[],
  ids: { admin: number; manager: number | null },
  seed: string,
  raw: string | null | undefined,
): ViewAs {
  const admin = users.find((u) => u.id === ids.admin)!;
  if (raw === undefined || raw === null || raw === '' || raw === 'admin') return { user: admin, notice: null };
  if (raw === 'manager') {
    const manager = ids.manager === null ? undefined : users.find((u) => u.id === ids.manager);
    if (manager) return { user: manager, notice: null };
    return { user: admin, notice: `Seed ${seed} has no manager (an active non-admin user): showing the admin.` };
  }
  const user = /^\d+$/.test(raw) ? users.find((u) => u.id === Number(raw)) : undefined;
  if (!user) return { user: admin, notice: `Seed ${seed} has no user "${raw}": showing the admin.` };
  if (!user.rights.is_active)
    return { user, notice: `${user.name} is deactivated: the account refuses their requests (401).` };
  return { user, notice: null };
}
