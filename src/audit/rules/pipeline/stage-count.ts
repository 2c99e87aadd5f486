import { defineRule } from '../../define-rule';
import { need } from '../../context';
import { activePipelines, workingStages } from '../../terms';
import { crmLinks } from '../../links';

/** Too few stages hide where deals stall; too many make sellers skip them. */
export const stageCount = defineRule({
  meta: { id: 'stage-count', area: 'pipeline', severity: 'low', requires: ['pipelines'], fix: null },
  check(ctx) {
    const active = activePipelines(need(ctx, 'pipelines'));
    if (active.length === 0) return { outcome: 'not-applicable' };
    const { min, max } = ctx.baseline.thresholds.stageCount;
    const items = active.flatMap((p) => {
      const count = workingStages(p).length;
      if (count >= min && count <= max) return [];
      const kind = count < min ? 'few' : 'many';
      return [
        {
          id: `pipeline:${p.id}`,
          message: { key: `items.stage-count.${kind}`, params: { pipeline: p.name, count, min, max } },
          link: crmLinks.pipelineSettings(p.id),
          data: { pipeline_id: p.id, count, min, max },
        },
      ];
    });
    return { outcome: items.length ? 'fail' : 'pass', items };
  },
});
