import type { RequiredStatusDto } from '../../api/dto';
import { need } from '../../audit/context';
import type { Op } from '../types';
import { requireFieldOps } from './require-fields';
import { fieldPart, findBaselineField, itemIds, matrixEntries, type PlanBuilder } from './shared';

/** Confirm: apply the baseline's required-field matrix to each pipeline where nothing is required. */
export const requiredFieldsAbsentPlan: PlanBuilder = (ctx, result, lang = 'ru') => {
  const pipelines = need(ctx, 'pipelines');
  const failing = itemIds(result, 'pipeline_id')
    .map((id) => pipelines.find((p) => p.id === id))
    .filter((p) => p !== undefined);
  const ops: Op[] = [];
  for (const row of ctx.baseline.requiredFields) {
    const bf = ctx.baseline.fields.find((f) => f.key === row.field);
    if (!bf) continue;
    const add: RequiredStatusDto[] = failing.flatMap((p) => matrixEntries(row, p));
    ops.push(...requireFieldOps(bf, findBaselineField(need(ctx, fieldPart(bf.entity)), bf), add, pipelines, lang));
  }
  return {
    ruleId: 'required-fields-absent',
    kind: 'confirm',
    ops,
    touches: ['leadFields', 'contactFields', 'companyFields', 'pipelines'],
  };
};
