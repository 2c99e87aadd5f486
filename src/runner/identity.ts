import type { Snapshot } from '../snapshot/types';

/** Who the token acts as, for the journal: the user's name and email, or null when users could not be read. */
export function tokenUserIn(snapshot: Snapshot): string | null {
  const account = snapshot.parts.account;
  const users = snapshot.parts.users;
  if (!account || !('data' in account) || !users || !('data' in users)) return null;
  const user = users.data.find((u) => u.id === account.data.current_user_id);
  return user ? `${user.name} <${user.email}>` : null;
}

/** True when the token's user is an account admin: the users list (admin only) loaded and marks them so. */
export function isAdminIn(snapshot: Snapshot): boolean {
  const account = snapshot.parts.account;
  const users = snapshot.parts.users;
  if (!account || !('data' in account) || !users || !('data' in users)) return false;
  return users.data.some((u) => u.id === account.data.current_user_id && u.rights.is_admin);
}
