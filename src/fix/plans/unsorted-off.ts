import { need } from '../../audit/context';
import { mainPipeline } from '../../audit/terms';
import { patchPipeline } from '../ops';
import type { PlanBuilder } from './shared';

/** Safe: turn the unsorted stage back on in the main pipeline. */
export const unsortedOffPlan: PlanBuilder = (ctx) => {
  const main = mainPipeline(need(ctx, 'pipelines'));
  if (!main || main.is_unsorted_on) return null;
  const op = patchPipeline(
    main,
    { is_unsorted_on: true },
    { key: 'fix.op.unsortedOn', params: { pipeline: main.name } },
  );
  return { ruleId: 'unsorted-off', kind: 'safe', ops: [op], touches: ['pipelines'] };
};
