import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { openRightItems } from '../../open-rights';

/** Non-admins (or roles) may export all deals, contacts or companies: the whole client base can walk away. */
export const exportOpen = defineRule({
  meta: { id: 'export-open', area: 'rights', severity: 'high', requires: ['users', 'roles'], fix: 'confirm' },
  check(ctx) {
    const items = openRightItems('items.export-open.', need(ctx, 'users'), need(ctx, 'roles'), 'export', ['A']);
    return { outcome: items.length ? 'fail' : 'pass', items };
  },
});
