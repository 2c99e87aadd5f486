import { roleRightsPlan } from './role-rights';

/** Confirm: delete on deals/contacts/companies → the baseline's letter (M) in each listed role. */
export const deleteOpenPlan = roleRightsPlan('delete-open', 'delete');
