import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { crmLinks } from '../../links';
import { activeNonAdmins } from '../../terms';
import { countsBy, judged, outsideUnsorted, percent, skippedIn } from '../../usage';

/**
 * The window's new deals pile up on one person: one user owns more than the allowed share while a team is
 * there to share them, or an admin owns the most (admins set the CRM up; their deals are usually stuck).
 * Deals created in the window count whatever their status now, except those still waiting in unsorted.
 */
export const leadOwnerConcentration = defineRule({
  meta: {
    id: 'lead-owner-concentration',
    area: 'usage',
    severity: 'low',
    requires: ['leads', 'users', 'pipelines'],
    messages: ['user', 'admin', 'unknown', 'judged', 'judgedSkipped'],
  },
  check(ctx) {
    const { ownerShare, ownerMinUsers } = ctx.baseline.thresholds.usage;
    // A lead still in an unsorted stage has not been accepted: its owner is only the default, not a choice.
    const created = outsideUnsorted(need(ctx, 'leads').created, need(ctx, 'pipelines'));
    const users = need(ctx, 'users');
    const owners = countsBy(created, (l) => l.owner);
    const total = owners.reduce((sum, [, n]) => sum + n, 0);
    if (total === 0) return 'not-applicable';
    const top = owners[0]![1];
    const leaders = owners.filter(([, n]) => n === top).map(([id]) => id);
    const isAdmin = (id: number) => users.some((u) => u.id === id && u.rights.is_admin);
    const team = activeNonAdmins(users).length;
    const concentrated = team >= ownerMinUsers && top / total > ownerShare;
    const adminLeads = leaders.some(isAdmin);
    const summary = judged(total, top, { percent: percent(top, total) }, 'judged', skippedIn(ctx, 'leads'));
    if (!concentrated && !adminLeads) return { outcome: 'pass', summary };
    const items = leaders
      .filter((id) => concentrated || isAdmin(id))
      .map((id) => {
        const user = users.find((u) => u.id === id);
        const counts = { count: top, total, percent: percent(top, total) };
        return {
          id: `user:${id}`,
          message: !user ? 'unknown' : isAdmin(id) ? 'admin' : 'user',
          params: user ? { user: user.name, ...counts } : { user_id: id, ...counts },
          link: crmLinks.leads(),
          data: { user_id: id, admin: isAdmin(id), ...counts },
        };
      });
    return { outcome: 'fail', items, summary };
  },
});
