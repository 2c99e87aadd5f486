import { defineRule } from '../../define-rule';

/** Manual: a test message in each channel reached the right pipeline. */
export const testChatSent = defineRule({
  meta: { id: 'test-chat-sent', area: 'channels', severity: 'medium', requires: [] },
  check: () => 'manual',
});
