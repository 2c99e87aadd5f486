import { defineRule } from '../../define-rule';
import { allFields, need } from '../../context';
import { activePipelines, hasStatus, requiredStatuses } from '../../terms';
import { crmLinks } from '../../links';
import type { Item } from '../../types';

/** An active pipeline where no field is ever mandatory, so deals move on with empty cards. */
export const requiredFieldsAbsent = defineRule({
  meta: {
    id: 'required-fields-absent',
    area: 'fields',
    severity: 'medium',
    requires: ['leadFields', 'contactFields', 'companyFields', 'pipelines'],
    fix: 'confirm',
  },
  check(ctx) {
    const active = activePipelines(need(ctx, 'pipelines'));
    if (active.length === 0) return { outcome: 'not-applicable' };
    const fields = allFields(ctx);
    const items: Item[] = [];
    for (const pipeline of active) {
      // Stale entries (a status deleted from this pipeline) do not make anything mandatory.
      const required = fields.some(({ field }) =>
        requiredStatuses(field).some((rs) => rs.pipeline_id === pipeline.id && hasStatus(pipeline, rs.status_id)),
      );
      if (required) continue;
      items.push({
        id: `pipeline:${pipeline.id}`,
        message: { key: 'items.required-fields-absent.pipeline', params: { pipeline: pipeline.name } },
        link: crmLinks.pipelineSettings(pipeline.id),
        data: { pipeline_id: pipeline.id, baselineMatrix: ctx.baseline.requiredFields.map((r) => r.field) },
      });
    }
    return { outcome: items.length ? 'fail' : 'pass', items };
  },
});
