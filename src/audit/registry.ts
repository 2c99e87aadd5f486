import { setupDocumentApproved } from './rules/fields/setup-document-approved';
import { customFieldsMissing } from './rules/fields/custom-fields-missing';
import { leadSourceFieldMissing } from './rules/fields/lead-source-field-missing';
import { duplicateFieldNames } from './rules/fields/duplicate-field-names';
import { selectOptionsFew } from './rules/fields/select-options-few';
import { requiredAtEntryStage } from './rules/fields/required-at-entry-stage';
import { requiredFieldsAbsent } from './rules/fields/required-fields-absent';
import { requiredStatusesStale } from './rules/fields/required-statuses-stale';
import { lossReasonMissing } from './rules/fields/loss-reason-missing';
import { excessAdmins } from './rules/rights/excess-admins';
import { singleAdmin } from './rules/rights/single-admin';
import { exportOpen } from './rules/rights/export-open';
import { deleteOpen } from './rules/rights/delete-open';
import { usersWithoutRole } from './rules/rights/users-without-role';
import { defaultStageNames } from './rules/pipeline/default-stage-names';
import { stageCount } from './rules/pipeline/stage-count';
import { duplicateStageNames } from './rules/pipeline/duplicate-stage-names';
import { unsortedOff } from './rules/pipeline/unsorted-off';
import { mailActivityAbsent } from './rules/mail/mail-activity-absent';
import { mailAccessNone } from './rules/mail/mail-access-none';
import { webFormAbsent } from './rules/forms/web-form-absent';
import { testFormSubmitted } from './rules/forms/test-form-submitted';
import { telephonyAbsent } from './rules/telephony/telephony-absent';
import { testCallMade } from './rules/telephony/test-call-made';
import { chatChannelsAbsent } from './rules/channels/chat-channels-absent';
import { testChatSent } from './rules/channels/test-chat-sent';
import { initialDataMissing } from './rules/data/initial-data-missing';
import { recordsOwnedByInactiveUsers } from './rules/data/records-owned-by-inactive-users';
import { duplicateContacts } from './rules/data/duplicate-contacts';
import { contactsWithoutChannels } from './rules/data/contacts-without-channels';
import { openLeadsWithoutTask } from './rules/usage/open-leads-without-task';
import { overdueTasks } from './rules/usage/overdue-tasks';
import { idleOpenLeads } from './rules/usage/idle-open-leads';
import { lostWithoutReason } from './rules/usage/lost-without-reason';
import { wonWithoutPrice } from './rules/usage/won-without-price';
import { leadsWithoutContact } from './rules/usage/leads-without-contact';
import { duplicateOpenLeads } from './rules/usage/duplicate-open-leads';
import { unsortedBacklog } from './rules/usage/unsorted-backlog';
import { leadOwnerConcentration } from './rules/usage/lead-owner-concentration';
import { webhooksDisabled } from './rules/usage/webhooks-disabled';
import type { Rule } from './types';

/**
 * Every rule, in the order reports list them: areas in setup order, then the checklist's
 * order within an area. Explicit on purpose (no directory scanning) so bundles and
 * tools see the same list; a test checks it against the files and the checklist.
 */
export const RULES: readonly Rule[] = Object.freeze([
  setupDocumentApproved,
  customFieldsMissing,
  leadSourceFieldMissing,
  duplicateFieldNames,
  selectOptionsFew,
  requiredAtEntryStage,
  requiredFieldsAbsent,
  requiredStatusesStale,
  lossReasonMissing,
  excessAdmins,
  singleAdmin,
  exportOpen,
  deleteOpen,
  usersWithoutRole,
  defaultStageNames,
  stageCount,
  duplicateStageNames,
  unsortedOff,
  mailActivityAbsent,
  mailAccessNone,
  webFormAbsent,
  testFormSubmitted,
  telephonyAbsent,
  testCallMade,
  chatChannelsAbsent,
  testChatSent,
  initialDataMissing,
  recordsOwnedByInactiveUsers,
  duplicateContacts,
  contactsWithoutChannels,
  openLeadsWithoutTask,
  overdueTasks,
  idleOpenLeads,
  lostWithoutReason,
  wonWithoutPrice,
  leadsWithoutContact,
  duplicateOpenLeads,
  unsortedBacklog,
  leadOwnerConcentration,
  webhooksDisabled,
]);
