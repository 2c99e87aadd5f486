import { narrowRightsFix } from '../../../fix/role-rights';
import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { OPEN_RIGHT_MESSAGES, openRightFindings, type OpenRightFinding } from '../../open-rights';

/** Non-admins (or roles) may export all deals, contacts or companies: the whole client base can walk away. */
export const exportOpen = defineRule<OpenRightFinding>({
  meta: {
    id: 'export-open',
    area: 'rights',
    severity: 'high',
    requires: ['users', 'roles'],
    fix: 'confirm',
    messages: OPEN_RIGHT_MESSAGES,
  },
  check: (ctx) => openRightFindings(need(ctx, 'users'), need(ctx, 'roles'), 'export', ['A']),
  /** Export on deals/contacts/companies → the baseline's letter (D) in each listed role. */
  fix: narrowRightsFix('export'),
});
