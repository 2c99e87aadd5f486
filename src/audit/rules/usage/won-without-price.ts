import { STATUS_WON } from '../../../api/dto';
import { defineRule } from '../../define-rule';
import { maybe, need } from '../../context';
import { crmLinks } from '../../links';
import { judged, judgedVerdict, perUserItems, skippedIn } from '../../usage';

/** Deals won in the window with a price of 0: the sales figures and every report built on them are wrong. */
export const wonWithoutPrice = defineRule({
  meta: {
    id: 'won-without-price',
    area: 'usage',
    severity: 'low',
    requires: ['leads'],
    optional: ['users'],
    messages: ['user', 'unknown', 'judged', 'judgedSkipped'],
  },
  check(ctx) {
    const won = need(ctx, 'leads').closed.filter((l) => l.statusId === STATUS_WON);
    if (won.length === 0) return 'not-applicable';
    const free = won.filter((l) => !(l.price > 0));
    return judgedVerdict(
      perUserItems(free, maybe(ctx, 'users'), crmLinks.leads()),
      judged(won.length, free.length, {}, 'judged', skippedIn(ctx, 'leads')),
    );
  },
});
