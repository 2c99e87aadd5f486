import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { activePipelines, requiredStatuses } from '../../terms';
import { STATUS_LOST } from '../../../api/dto';
import { crmLinks } from '../../links';

/** Lost deals close without a reason: neither the CRM's loss reasons nor a field required at 143. */
export const lossReasonMissing = defineRule({
  meta: {
    id: 'loss-reason-missing',
    area: 'fields',
    severity: 'medium',
    requires: ['account', 'leadFields', 'pipelines'],
    fix: 'confirm',
  },
  check(ctx) {
    const account = need(ctx, 'account');
    if (account.is_loss_reason_enabled === true) {
      return {
        outcome: 'pass',
        evidence: [{ id: 'account:loss-reasons', message: { key: 'items.loss-reason-missing.enabled' } }],
      };
    }
    const active = activePipelines(need(ctx, 'pipelines'));
    for (const field of need(ctx, 'leadFields')) {
      const at = requiredStatuses(field).find(
        (rs) => rs.status_id === STATUS_LOST && active.some((p) => p.id === rs.pipeline_id),
      );
      if (at) {
        const pipeline = active.find((p) => p.id === at.pipeline_id)!;
        return {
          outcome: 'pass',
          evidence: [
            {
              id: `field:${field.id}@pipeline:${pipeline.id}`,
              message: {
                key: 'items.loss-reason-missing.field',
                params: { field: field.name, pipeline: pipeline.name },
              },
              link: crmLinks.fields('leads'),
              data: { entity: 'leads', field_id: field.id, pipeline_id: pipeline.id, status_id: STATUS_LOST },
            },
          ],
        };
      }
    }
    if (active.length === 0) return { outcome: 'not-applicable' };
    const baselineField = ctx.baseline.fields.find((f) => f.purpose === 'loss-reason');
    return {
      outcome: 'fail',
      items: active.map((p) => ({
        id: `pipeline:${p.id}`,
        message: { key: 'items.loss-reason-missing.pipeline', params: { pipeline: p.name } },
        link: crmLinks.pipelineSettings(p.id),
        data: { pipeline_id: p.id, status_id: STATUS_LOST, baselineField: baselineField?.key ?? null },
      })),
    };
  },
});
