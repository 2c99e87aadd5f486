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
    messages: ['phone', 'email'],
  },
  check(ctx) {
    const view = need(ctx, 'contacts');
    if (view.total === 0) return { outcome: 'not-applicable' };
    const items = view.duplicates
      .filter((g) => g.contactIds.length >= 2)
      .map((g) => ({
        id: `${g.kind}:${g.key}`,
        message: g.kind,
        params: { value: g.key, count: g.contactIds.length },
        link: crmLinks.contact(g.contactIds[0]!),
        data: { kind: g.kind, key: g.key, contact_ids: [...g.contactIds] },
      }));
    return items;
  },
});
