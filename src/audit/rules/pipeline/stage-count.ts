import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { activePipelines, workingStages } from '../../terms';
import { crmLinks } from '../../links';

/** Too few stages hide where deals stall; too many make sellers skip them. */
export const stageCount = defineRule({
  meta: { id: 'stage-count', area: 'pipeline', severity: 'low', requires: ['pipelines'], messages: ['few', 'many'] },
  check(ctx) {
    const active = activePipelines(need(ctx, 'pipelines'));
    if (active.length === 0) return 'not-applicable';
    const { min, max } = ctx.baseline.thresholds.stageCount;
    return active.flatMap((p) => {
      const count = workingStages(p).length;
      if (count >= min && count <= max) return [];
      return [
        {
          id: `pipeline:${p.id}`,
          message: count < min ? 'few' : 'many',
          params: { pipeline: p.name, count, min, max },
          link: crmLinks.pipelineSettings(p.id),
          data: { pipeline_id: p.id, count, min, max },
        },
      ];
    });
  },
});
