import { defineRule } from '../../define-rule';
import { need, windowParams } from '../../context';
import type { Note } from '../../define-rule';

/** No website request reached the CRM and no site button exists; forms may be wired elsewhere, so a person confirms. */
export const webFormAbsent = defineRule({
  meta: {
    id: 'web-form-absent',
    area: 'forms',
    severity: 'medium',
    requires: ['unsorted', 'websiteButtons'],
    messages: ['unsorted', 'button', 'none'],
  },
  check(ctx) {
    const forms = need(ctx, 'unsorted').counts.forms;
    const buttons = need(ctx, 'websiteButtons');
    const evidence: Note[] = [];
    if (forms > 0) {
      evidence.push({
        id: 'unsorted:forms',
        message: 'unsorted',
        params: { count: forms, days: ctx.window.days },
        data: { count: forms },
      });
    }
    for (const b of buttons) {
      evidence.push({
        id: `button:${b.button_id}`,
        message: 'button',
        params: { name: b.name },
        data: { button_id: b.button_id, source_id: b.source_id, pipeline_id: b.pipeline_id },
      });
    }
    if (evidence.length) return { outcome: 'pass', evidence };
    return {
      outcome: 'needs-review',
      items: [{ id: 'forms:none', message: 'none', params: windowParams(ctx) }],
    };
  },
});
