import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { crmLinks } from '../../links';
import type { Note } from '../../define-rule';

/** Contacts with neither phone nor email: nobody can reach them and calls or letters cannot be matched to them. */
export const contactsWithoutChannels = defineRule({
  meta: {
    id: 'contacts-without-channels',
    area: 'data',
    severity: 'low',
    requires: ['contacts'],
    messages: ['contact', 'named', 'more'],
  },
  check(ctx) {
    const view = need(ctx, 'contacts');
    if (view.total === 0) return { outcome: 'not-applicable' };
    const { count, sampleIds } = view.withoutChannels;
    if (count === 0) return { outcome: 'pass' };
    const items: Note[] = sampleIds.map((id): Note => {
      const name = view.names?.[id];
      return {
        id: `contact:${id}`,
        // A person finds «Иван Петров» in the list; the id stays for the nameless and for two of one name.
        ...(name ? { message: 'named', params: { id, name } } : { message: 'contact', params: { id } }),
        link: crmLinks.contact(id),
        data: { contact_id: id },
      };
    });
    // The snapshot keeps a sample of ids; the exact total still has to be visible.
    if (count > sampleIds.length) {
      items.push({
        id: 'contacts:more',
        message: 'more',
        params: { count: count - sampleIds.length },
        data: { total: count, listed: sampleIds.length },
      });
    }
    return { outcome: 'fail', items };
  },
});
