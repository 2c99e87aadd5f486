import { defineRule } from '../../define-rule';
import { maybe, need } from '../../context';
import { crmLinks } from '../../links';
import { openLeads, perUserItems, shareVerdict, skippedIn } from '../../usage';

/**
 * Open deals with no next step: no open task is linked to them. `closest_task_at` is only a hint — when it and
 * the open tasks disagree (a date but no open task, or none but an open task), the open tasks win.
 */
export const openLeadsWithoutTask = defineRule({
  meta: {
    id: 'open-leads-without-task',
    area: 'usage',
    severity: 'high',
    requires: ['leads', 'tasks', 'pipelines'],
    optional: ['users'],
    messages: ['share', 'user', 'unknown', 'judged', 'judgedSkipped'],
  },
  check(ctx) {
    const { minOpenLeads, leadsWithoutTaskShare } = ctx.baseline.thresholds.usage;
    const open = openLeads(need(ctx, 'leads').open, need(ctx, 'pipelines'));
    if (open.length < minOpenLeads) return 'not-applicable';
    const withTask = new Set(
      need(ctx, 'tasks')
        .filter((t) => t.entityType === 'leads')
        .map((t) => t.entityId),
    );
    const without = open.filter((l) => !withTask.has(l.id));
    return shareVerdict(
      without.length,
      open.length,
      leadsWithoutTaskShare,
      () => perUserItems(without, maybe(ctx, 'users'), crmLinks.leads()),
      {},
      skippedIn(ctx, 'leads', 'tasks'),
    );
  },
});
