import { defineRule } from '../../define-rule';
import { need, windowParams } from '../../context';
import type { Note } from '../../define-rule';

/**
 * No mail reached the CRM in the window. amoCRM has no API listing mailboxes, so absence
 * of signals is not proof: a person confirms (needs-review).
 */
export const mailActivityAbsent = defineRule({
  meta: {
    id: 'mail-activity-absent',
    area: 'mail',
    severity: 'medium',
    requires: ['unsorted', 'notes'],
    messages: ['unsorted', 'notes', 'none'],
  },
  check(ctx) {
    const unsorted = need(ctx, 'unsorted');
    const notes = need(ctx, 'notes');
    const evidence: Note[] = [];
    if (unsorted.counts.mail > 0) {
      evidence.push({
        id: 'unsorted:mail',
        message: 'unsorted',
        params: { count: unsorted.counts.mail, days: ctx.window.days },
        data: { count: unsorted.counts.mail, complete: unsorted.complete },
      });
    }
    if (notes.amomailMessages > 0) {
      evidence.push({
        id: 'notes:amomail_message',
        message: 'notes',
        params: { count: notes.amomailMessages, days: ctx.window.days },
        data: { count: notes.amomailMessages, complete: notes.complete },
      });
    }
    if (evidence.length) return { outcome: 'pass', evidence };
    return {
      outcome: 'needs-review',
      items: [{ id: 'mail:none', message: 'none', params: windowParams(ctx) }],
    };
  },
});
