import { defineRule } from '../../define-rule';

/** Manual: a call from an unknown number created a deal or a task. */
export const testCallMade = defineRule({
  meta: { id: 'test-call-made', area: 'telephony', severity: 'medium', requires: [] },
  check: () => 'manual',
});
