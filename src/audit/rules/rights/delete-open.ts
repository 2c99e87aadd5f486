import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { openRightItems } from '../../open-rights';

/** Non-admins (or roles) may delete others' deals, contacts or companies. */
export const deleteOpen = defineRule({
  meta: { id: 'delete-open', area: 'rights', severity: 'high', requires: ['users', 'roles'], fix: 'confirm' },
  check(ctx) {
    const items = openRightItems('items.delete-open.', need(ctx, 'users'), need(ctx, 'roles'), 'delete', ['A', 'G']);
    return { outcome: items.length ? 'fail' : 'pass', items };
  },
});
