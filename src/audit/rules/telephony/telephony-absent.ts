import { defineRule } from '../../define-rule';
import { maybe, need, windowParams } from '../../context';
import { crmLinks } from '../../links';
import type { Note } from '../../define-rule';

/** Widget settings field types that hold per-user extensions or logins: the mark of a telephony widget. */
const TELEPHONY_SETTING_TYPES = ['users', 'users_lp'];

/** Calls are not logged in the CRM: no call events, no unsorted calls, no telephony widget. */
export const telephonyAbsent = defineRule({
  meta: {
    id: 'telephony-absent',
    area: 'telephony',
    severity: 'medium',
    requires: ['events', 'unsorted', 'widgets'],
    // Call notes only name the services for the evidence; the verdict does not depend on them.
    optional: ['notes'],
    messages: ['widget', 'calls', 'unsorted', 'services', 'noCalls', 'none'],
  },
  check(ctx) {
    const events = need(ctx, 'events').counts;
    const sip = need(ctx, 'unsorted').counts.sip;
    const calls = events.incoming_call + events.outgoing_call;
    const widgets = need(ctx, 'widgets').filter(
      (w) =>
        w.is_active_in_account && (w.settings_template ?? []).some((s) => TELEPHONY_SETTING_TYPES.includes(s.type)),
    );
    const widgetItems: Note[] = widgets.map((w) => ({
      id: `widget:${w.code}`,
      message: 'widget',
      params: { code: w.code },
      link: crmLinks.widgets(),
      data: { widget_id: w.id, code: w.code },
    }));
    if (calls > 0 || sip > 0) {
      const services = maybe(ctx, 'notes')?.callSources ?? [];
      const evidence: Note[] = [];
      if (calls > 0) {
        evidence.push({
          id: 'events:calls',
          message: 'calls',
          params: { count: calls, days: ctx.window.days },
          data: { incoming: events.incoming_call, outgoing: events.outgoing_call },
        });
      }
      if (sip > 0) {
        evidence.push({
          id: 'unsorted:sip',
          message: 'unsorted',
          params: { count: sip, days: ctx.window.days },
          data: { count: sip },
        });
      }
      if (services.length) {
        evidence.push({
          id: 'notes:services',
          message: 'services',
          params: { services: services.join(', ') },
          data: { services },
        });
      }
      return { outcome: 'pass', evidence: [...evidence, ...widgetItems] };
    }
    if (widgets.length) {
      return {
        outcome: 'needs-review',
        items: [{ id: 'calls:none', message: 'noCalls', params: windowParams(ctx) }, ...widgetItems],
      };
    }
    return {
      outcome: 'fail',
      items: [
        {
          id: 'telephony:none',
          message: 'none',
          params: windowParams(ctx),
          link: crmLinks.widgets(),
        },
      ],
    };
  },
});
