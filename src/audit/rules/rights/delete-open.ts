import { narrowRightsFix } from '../../../fix/role-rights';
import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { OPEN_RIGHT_MESSAGES, openRightFindings, type OpenRightFinding } from '../../open-rights';

/** Non-admins (or roles) may delete others' deals, contacts or companies. */
export const deleteOpen = defineRule<OpenRightFinding>({
  meta: {
    id: 'delete-open',
    area: 'rights',
    severity: 'high',
    requires: ['users', 'roles'],
    fix: 'confirm',
    messages: OPEN_RIGHT_MESSAGES,
  },
  check: (ctx) => openRightFindings(need(ctx, 'users'), need(ctx, 'roles'), 'delete', ['A', 'G']),
  /** Delete on deals/contacts/companies → the baseline's letter (M) in each listed role. */
  fix: narrowRightsFix('delete'),
});
