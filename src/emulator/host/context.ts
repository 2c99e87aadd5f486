import type { Lang } from '../../i18n/translate';
import type { Store, UserRecord } from '../store';

/** The APP constants amoCRM documents, built for one user of the emulated account. */
export function hostContext(
  store: Store,
  user: UserRecord,
  lang: Lang,
  widget: { code: string; path: string; version: string },
) {
  const groups = Object.fromEntries(
    (store.account.users_groups ?? [{ id: 0, name: 'Отдел продаж' }]).map((g: { id: number; name: string }) => [
      `group_${g.id}`,
      g.name,
    ]),
  );
  const managers = Object.fromEntries(
    store.users.map((u) => [
      String(u.id),
      {
        id: String(u.id),
        title: u.name,
        active: u.rights.is_active,
        login: u.email,
        is_admin: u.rights.is_admin ? 'Y' : 'N',
        free_user: u.rights.is_free ? 'Y' : 'N',
        group: `group_${u.rights.group_id ?? 0}`,
      },
    ]),
  );
  return {
    user: { id: user.id, login: user.email, name: user.name, theme: 'default', uuid: user.uuid },
    user_rights: { is_admin: user.rights.is_admin, is_free_user: user.rights.is_free },
    account: { id: store.account.id, name: store.account.name, subdomain: store.account.subdomain },
    managers,
    groups,
    lang,
    widget,
  };
}
