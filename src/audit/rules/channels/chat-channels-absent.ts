import { defineRule } from '../../define-rule';
import { need, windowParams } from '../../context';
import type { Note } from '../../define-rule';

/** No chat message reached the CRM in the window; channels may be quiet rather than absent, so a person confirms. */
export const chatChannelsAbsent = defineRule({
  meta: {
    id: 'chat-channels-absent',
    area: 'channels',
    severity: 'medium',
    requires: ['events', 'unsorted'],
    messages: ['messages', 'unsorted', 'none', 'services'],
  },
  check(ctx) {
    const messages = need(ctx, 'events').counts.incoming_chat_message;
    const unsorted = need(ctx, 'unsorted');
    const evidence: Note[] = [];
    if (messages > 0) {
      evidence.push({
        id: 'events:incoming_chat_message',
        message: 'messages',
        params: { count: messages, days: ctx.window.days },
        data: { count: messages },
      });
    }
    if (unsorted.counts.chats > 0) {
      evidence.push({
        id: 'unsorted:chats',
        message: 'unsorted',
        params: { count: unsorted.counts.chats, days: ctx.window.days },
        data: { count: unsorted.counts.chats },
      });
    }
    if (!evidence.length) {
      return {
        outcome: 'needs-review',
        items: [{ id: 'chats:none', message: 'none', params: windowParams(ctx) }],
      };
    }
    if (unsorted.chatServices.length) {
      evidence.push({
        id: 'unsorted:services',
        message: 'services',
        params: { services: unsorted.chatServices.join(', ') },
        data: { services: unsorted.chatServices },
      });
    }
    return { outcome: 'pass', evidence };
  },
});
