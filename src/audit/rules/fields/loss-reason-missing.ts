import { STATUS_LOST } from '../../../api/dto';
import { findBaselineField } from '../../../fix/baseline-fields';
import { requireFieldOps } from '../../../fix/required-ops';
import { defineRule, type Finding } from '../../define-rule';
import { need } from '../../context';
import { activePipelines, requiredStatuses } from '../../terms';
import { crmLinks } from '../../links';

type NoReason = Finding<{ pipeline_id: number; status_id: number; baselineField: string | null }>;

/** Lost deals close without a reason: neither the CRM's loss reasons nor a field required at 143. */
export const lossReasonMissing = defineRule<NoReason>({
  meta: {
    id: 'loss-reason-missing',
    area: 'fields',
    severity: 'medium',
    requires: ['account', 'leadFields', 'pipelines'],
    fix: 'confirm',
    messages: ['enabled', 'field', 'pipeline'],
  },
  check(ctx) {
    if (need(ctx, 'account').is_loss_reason_enabled === true) {
      return { outcome: 'pass', evidence: [{ id: 'account:loss-reasons', message: 'enabled' }] };
    }
    const active = activePipelines(need(ctx, 'pipelines'));
    for (const field of need(ctx, 'leadFields')) {
      const at = requiredStatuses(field).find(
        (rs) => rs.status_id === STATUS_LOST && active.some((p) => p.id === rs.pipeline_id),
      );
      if (!at) continue;
      const pipeline = active.find((p) => p.id === at.pipeline_id)!;
      return {
        outcome: 'pass',
        evidence: [
          {
            id: `field:${field.id}@pipeline:${pipeline.id}`,
            message: 'field',
            params: { field: field.name, pipeline: pipeline.name },
            link: crmLinks.fields('leads'),
            data: { entity: 'leads', field_id: field.id, pipeline_id: pipeline.id, status_id: STATUS_LOST },
          },
        ],
      };
    }
    if (active.length === 0) return 'not-applicable';
    const baselineField = ctx.baseline.fields.find((f) => f.purpose === 'loss-reason');
    return active.map((p) => ({
      id: `pipeline:${p.id}`,
      message: 'pipeline',
      params: { pipeline: p.name },
      link: crmLinks.pipelineSettings(p.id),
      data: { pipeline_id: p.id, status_id: STATUS_LOST, baselineField: baselineField?.key ?? null },
    }));
  },
  /** A «Причина отказа» list field required at «closed – lost» (143) in every listed pipeline. */
  fix(ctx, findings, kit) {
    const bf = ctx.baseline.fields.find((f) => f.purpose === 'loss-reason' && f.entity === 'leads');
    if (!bf) return null;
    const pipelines = need(ctx, 'pipelines');
    const add = findings.map(({ data }) => ({ status_id: data.status_id, pipeline_id: data.pipeline_id }));
    return requireFieldOps(bf, findBaselineField(need(ctx, 'leadFields'), bf), add, pipelines, kit.lang);
  },
});
