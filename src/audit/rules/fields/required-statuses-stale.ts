import { defineRule } from '../../define-rule';
import { allFields, need } from '../../context';
import { hasStatus, requiredStatuses } from '../../terms';
import { crmLinks } from '../../links';
import type { Item } from '../../types';

/** A field is "required" at a pipeline or stage that no longer exists (left over after deletions). */
export const requiredStatusesStale = defineRule({
  meta: {
    id: 'required-statuses-stale',
    area: 'fields',
    severity: 'low',
    requires: ['leadFields', 'contactFields', 'companyFields', 'pipelines'],
    fix: 'safe',
  },
  check(ctx) {
    const pipelines = need(ctx, 'pipelines');
    const items: Item[] = [];
    for (const { entity, field } of allFields(ctx)) {
      for (const rs of requiredStatuses(field)) {
        const pipeline = pipelines.find((p) => p.id === rs.pipeline_id);
        if (pipeline && hasStatus(pipeline, rs.status_id)) continue;
        const missing = pipeline ? 'status' : 'pipeline';
        items.push({
          id: `field:${field.id}@pipeline:${rs.pipeline_id}@status:${rs.status_id}`,
          message: {
            key: `items.required-statuses-stale.${missing}`,
            params: { field: field.name, pipeline_id: rs.pipeline_id, status_id: rs.status_id },
          },
          link: crmLinks.fields(entity),
          data: { entity, field_id: field.id, pipeline_id: rs.pipeline_id, status_id: rs.status_id, missing },
        });
      }
    }
    return { outcome: items.length ? 'fail' : 'pass', items };
  },
});
