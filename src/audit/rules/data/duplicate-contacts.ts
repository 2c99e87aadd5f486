import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { crmLinks } from '../../links';

/** Contacts sharing a phone or an email: calls and letters land on one while the history sits on another. */
export const duplicateContacts = defineRule({
  meta: {
    id: 'duplicate-contacts',
    area: 'data',
    severity: 'medium',
    requires: ['contacts'],
    // The named forms list the group's contacts; the bare ones stay for reports saved before names were kept.
    messages: ['phone', 'email', 'phoneNamed', 'emailNamed'],
  },
  check(ctx) {
    const view = need(ctx, 'contacts');
    if (view.total === 0) return { outcome: 'not-applicable' };
    const items = view.duplicates
      .filter((g) => g.contactIds.length >= 2)
      .map((g) => ({
        id: `${g.kind}:${g.key}`,
        message: `${g.kind}Named`,
        params: { value: g.key, count: g.contactIds.length, names: namesOf(g.contactIds, view.names) },
        link: crmLinks.contact(g.contactIds[0]!),
        data: {
          kind: g.kind,
          key: g.key,
          contact_ids: [...g.contactIds],
          contact_names: g.contactIds.map((id) => view.names?.[id] ?? null),
        },
      }));
    return items;
  },
});

/** At most this many names in the item's one line; the group's links list every record. */
const NAMES_SHOWN = 3;

/** «Иван Петров, #1043, …» — the group's contacts as a person tells them apart (an id where there is no name). */
function namesOf(ids: readonly number[], names: Record<string, string> | undefined): string {
  const shown = ids.slice(0, NAMES_SHOWN).map((id) => names?.[id] ?? `#${id}`);
  return ids.length > NAMES_SHOWN ? `${shown.join(', ')}, …` : shown.join(', ');
}
