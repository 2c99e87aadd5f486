import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { crmLinks } from '../../links';
import { judged, judgedVerdict, skippedIn } from '../../usage';

/**
 * Webhooks the CRM switched off after too many failed deliveries: the integration behind them (a site,
 * accounting, a messenger bot) silently stopped getting the account's changes.
 */
export const webhooksDisabled = defineRule({
  meta: {
    id: 'webhooks-disabled',
    area: 'usage',
    severity: 'low',
    requires: ['webhooks'],
    messages: ['webhook', 'judged', 'judgedSkipped'],
  },
  check(ctx) {
    const hooks = need(ctx, 'webhooks');
    if (hooks.length === 0) return 'not-applicable';
    const off = hooks
      .filter((h) => h.disabled)
      .map((h) => ({
        id: `webhook:${h.id}`,
        message: 'webhook',
        params: { destination: h.destination || `#${h.id}` },
        link: crmLinks.widgets(),
        data: { webhook_id: h.id, destination: h.destination },
      }));
    return judgedVerdict(off, judged(hooks.length, off.length, {}, 'judged', skippedIn(ctx, 'webhooks')));
  },
});
