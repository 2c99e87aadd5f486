import { defineRule } from '../../define-rule';

/** Manual: the configuration document was exported and approved before the settings were touched. */
export const setupDocumentApproved = defineRule({
  meta: { id: 'setup-document-approved', area: 'fields', severity: 'medium', requires: [] },
  check: () => 'manual',
});
