import { STATUS_WON } from '../../api/dto';
import { need } from '../../audit/context';
import { workingStages } from '../../audit/terms';
import { createStatus, renameStatus } from '../ops';
import type { Op } from '../types';
import { itemIds, type PlanBuilder } from './shared';

/** Sorts of `n` new stages after `last` and before 142 (sort 10000), 10 apart when there is room. */
export function sortsBetween(last: number, n: number, limit = 10000): number[] {
  const step = Math.min(10, Math.floor((limit - last) / (n + 1)));
  if (step < 1) throw new Error(`no room for ${n} stages between sort ${last} and ${limit}`);
  return Array.from({ length: n }, (_, i) => last + step * (i + 1));
}

/**
 * Confirm: rename the main pipeline's working stages, in order, to the baseline's template; add the
 * template's remaining stages before 142; rename 142. Never deletes a stage (extra ones keep their names).
 */
export const defaultStageNamesPlan: PlanBuilder = (ctx, result, lang = 'ru') => {
  const pipelineId = itemIds(result, 'pipeline_id')[0];
  const pipeline = need(ctx, 'pipelines').find((p) => p.id === pipelineId);
  if (!pipeline) return null;
  const template = ctx.baseline.pipeline.stages.map((s) => s[lang]);
  const stages = workingStages(pipeline);
  const ops: Op[] = [];
  stages.slice(0, template.length).forEach((s, i) => {
    const to = template[i]!;
    if (s.name === to) return;
    ops.push(
      renameStatus(pipeline, s, to, {
        key: 'fix.op.stageRename',
        params: { from: s.name, to, pipeline: pipeline.name, position: i + 1 },
      }),
    );
  });
  const missing = template.slice(stages.length);
  if (missing.length) {
    const last = stages.at(-1)?.sort ?? 10;
    const sorts = sortsBetween(last, missing.length);
    let after = stages.length ? template[stages.length - 1]! : null;
    missing.forEach((name, i) => {
      ops.push(
        createStatus(
          pipeline,
          { name, sort: sorts[i]! },
          {
            key: after === null ? 'fix.op.stageAddFirst' : 'fix.op.stageAdd',
            params: { stage: name, after: after ?? '', pipeline: pipeline.name },
          },
        ),
      );
      after = name;
    });
  }
  const won = pipeline._embedded?.statuses.find((s) => s.id === STATUS_WON);
  const wonName = ctx.baseline.pipeline.won[lang];
  if (won && won.name !== wonName) {
    ops.push(
      renameStatus(pipeline, won, wonName, {
        key: 'fix.op.wonRename',
        params: { from: won.name, to: wonName, pipeline: pipeline.name },
      }),
    );
  }
  return { ruleId: 'default-stage-names', kind: 'confirm', ops, touches: ['pipelines'] };
};
