import { STATUS_LOST } from '../../../api/dto';
import { defineRule } from '../../define-rule';
import { maybe, need } from '../../context';
import { crmLinks } from '../../links';
import { judged, judgedVerdict, perUserItems, skippedIn } from '../../usage';

/**
 * Deals lost in the window with no reason recorded: neither the CRM's loss reason (`loss_reason_id`, where 0
 * means none) nor a value in a deals field required at 143 of the deal's pipeline (the baseline's own way).
 */
export const lostWithoutReason = defineRule({
  meta: {
    id: 'lost-without-reason',
    area: 'usage',
    severity: 'medium',
    requires: ['leads', 'leadFields'],
    optional: ['users'],
    messages: ['user', 'unknown', 'judged', 'judgedSkipped'],
  },
  check(ctx) {
    const lost = need(ctx, 'leads').closed.filter((l) => l.statusId === STATUS_LOST);
    if (lost.length === 0) return 'not-applicable';
    const fields = need(ctx, 'leadFields');
    const requiredAtLost = (pipelineId: number) =>
      fields
        .filter((f) =>
          (f.required_statuses ?? []).some((r) => r.status_id === STATUS_LOST && r.pipeline_id === pipelineId),
        )
        .map((f) => f.id);
    const unexplained = lost.filter(
      (l) => l.lossReasonId === null && !requiredAtLost(l.pipelineId).some((id) => l.filledFieldIds.includes(id)),
    );
    return judgedVerdict(
      perUserItems(unexplained, maybe(ctx, 'users'), crmLinks.leads()),
      judged(lost.length, unexplained.length, {}, 'judged', skippedIn(ctx, 'leads')),
    );
  },
});
