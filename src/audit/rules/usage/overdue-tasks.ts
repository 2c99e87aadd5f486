import { defineRule } from '../../define-rule';
import { maybe, need } from '../../context';
import { crmLinks } from '../../links';
import { DAY, perUserItems, shareVerdict, skippedIn, takenAtSeconds } from '../../usage';

/** Open tasks past their deadline by more than the grace days: promises to clients nobody kept. */
export const overdueTasks = defineRule({
  meta: {
    id: 'overdue-tasks',
    area: 'usage',
    severity: 'medium',
    requires: ['tasks'],
    optional: ['users'],
    messages: ['share', 'user', 'unknown', 'judged', 'judgedSkipped'],
  },
  check(ctx) {
    const { overdueTaskShare, overdueDays } = ctx.baseline.thresholds.usage;
    const tasks = need(ctx, 'tasks');
    if (tasks.length === 0) return 'not-applicable';
    const before = takenAtSeconds(ctx) - overdueDays * DAY;
    // The owner is the task's own responsible user, never the linked record's.
    const overdue = tasks.filter((t) => t.completeTill < before);
    return shareVerdict(
      overdue.length,
      tasks.length,
      overdueTaskShare,
      () => perUserItems(overdue, maybe(ctx, 'users'), crmLinks.tasks()),
      { days: overdueDays },
      skippedIn(ctx, 'tasks'),
    );
  },
});
