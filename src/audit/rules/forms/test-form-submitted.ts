import { defineRule } from '../../define-rule';

/** Manual: a test form submission created a deal in the expected stage. */
export const testFormSubmitted = defineRule({
  meta: { id: 'test-form-submitted', area: 'forms', severity: 'medium', requires: [] },
  check: () => 'manual',
});
