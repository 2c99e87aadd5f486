import { roleRightsPlan } from './role-rights';

/** Confirm: export on deals/contacts/companies → the baseline's letter (D) in each listed role. */
export const exportOpenPlan = roleRightsPlan('export-open', 'export');
