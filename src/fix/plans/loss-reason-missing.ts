import { STATUS_LOST } from '../../api/dto';
import { need } from '../../audit/context';
import { activePipelines } from '../../audit/terms';
import { requireFieldOps } from './require-fields';
import { findBaselineField, type PlanBuilder } from './shared';

/** Confirm: a «Причина отказа» list field required at «closed – lost» (143) in every active pipeline. */
export const lossReasonMissingPlan: PlanBuilder = (ctx, _result, lang = 'ru') => {
  const bf = ctx.baseline.fields.find((f) => f.purpose === 'loss-reason' && f.entity === 'leads');
  if (!bf) return null;
  const pipelines = need(ctx, 'pipelines');
  const add = activePipelines(pipelines).map((p) => ({ status_id: STATUS_LOST, pipeline_id: p.id }));
  const ops = requireFieldOps(bf, findBaselineField(need(ctx, 'leadFields'), bf), add, pipelines, lang);
  return { ruleId: 'loss-reason-missing', kind: 'confirm', ops, touches: ['account', 'leadFields', 'pipelines'] };
};
