import { defineRule } from '../../define-rule';
import { maybe, need } from '../../context';
import { crmLinks } from '../../links';
import { openLeads, perUserItems, shareVerdict, skippedIn } from '../../usage';

/**
 * Open deals with no linked contact (read `with=contacts`, so an empty list really means none): nobody to
 * call, mail or message, and mail and calls cannot be matched to the deal.
 */
export const leadsWithoutContact = defineRule({
  meta: {
    id: 'leads-without-contact',
    area: 'usage',
    severity: 'medium',
    requires: ['leads', 'pipelines'],
    optional: ['users'],
    messages: ['share', 'user', 'unknown', 'judged', 'judgedSkipped'],
  },
  check(ctx) {
    const { minOpenLeads, leadsWithoutContactShare } = ctx.baseline.thresholds.usage;
    const open = openLeads(need(ctx, 'leads').open, need(ctx, 'pipelines'));
    if (open.length < minOpenLeads) return 'not-applicable';
    const without = open.filter((l) => l.contactId === null);
    return shareVerdict(
      without.length,
      open.length,
      leadsWithoutContactShare,
      () => perUserItems(without, maybe(ctx, 'users'), crmLinks.leads()),
      {},
      skippedIn(ctx, 'leads'),
    );
  },
});
