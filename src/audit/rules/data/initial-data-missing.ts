import { defineRule } from '../../define-rule';
import { need } from '../../context';

/** No contacts and no companies: the existing client base has not been imported yet. */
export const initialDataMissing = defineRule({
  meta: {
    id: 'initial-data-missing',
    area: 'data',
    severity: 'high',
    requires: ['contacts', 'companies'],
    messages: ['totals', 'empty'],
  },
  check(ctx) {
    const contacts = need(ctx, 'contacts').total;
    const companies = need(ctx, 'companies').total;
    const data = { contacts, companies };
    if (contacts > 0 || companies > 0) {
      return {
        outcome: 'pass',
        evidence: [{ id: 'data:totals', message: 'totals', params: data, data }],
      };
    }
    return {
      outcome: 'fail',
      items: [{ id: 'data:empty', message: 'empty', data }],
    };
  },
});
