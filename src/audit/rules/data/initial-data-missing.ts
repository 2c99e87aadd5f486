import { defineRule } from '../../define-rule';
import { need } from '../../context';

/** No contacts and no companies: the existing client base has not been imported yet. */
export const initialDataMissing = defineRule({
  meta: {
    id: 'initial-data-missing',
    area: 'data',
    severity: 'high',
    requires: ['contacts', 'companies'],
    messages: ['totals', 'contactsOnly', 'companiesAtLeast', 'empty'],
  },
  check(ctx) {
    const contacts = need(ctx, 'contacts').total;
    const { total: companies, exact } = need(ctx, 'companies');
    const data = { contacts, companies, companies_exact: exact };
    if (contacts > 0 || companies > 0) {
      // Companies are read only when no contact exists, and then one is enough: the evidence says what was
      // counted, never "companies: 0" for companies nobody read.
      const message = exact ? 'totals' : contacts > 0 ? 'contactsOnly' : 'companiesAtLeast';
      return {
        outcome: 'pass',
        evidence: [{ id: 'data:totals', message, params: { contacts, companies }, data }],
      };
    }
    return {
      outcome: 'fail',
      items: [{ id: 'data:empty', message: 'empty', data }],
    };
  },
});
