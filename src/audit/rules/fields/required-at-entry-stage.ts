import { defineRule } from '../../define-rule';
import { allFields, need } from '../../context';
import { entryStage, requiredStatuses, unsortedStage } from '../../terms';
import { crmLinks } from '../../links';
import type { Item } from '../../types';

/**
 * A field required at the unsorted or the entry stage: forms, calls and chats create deals
 * there without it, and a quick manual deal cannot be saved.
 */
export const requiredAtEntryStage = defineRule({
  meta: {
    id: 'required-at-entry-stage',
    area: 'fields',
    severity: 'high',
    requires: ['leadFields', 'contactFields', 'companyFields', 'pipelines'],
    fix: 'safe',
  },
  check(ctx) {
    const pipelines = need(ctx, 'pipelines');
    const items: Item[] = [];
    for (const { entity, field } of allFields(ctx)) {
      for (const rs of requiredStatuses(field)) {
        const pipeline = pipelines.find((p) => p.id === rs.pipeline_id);
        if (!pipeline) continue;
        const unsorted = unsortedStage(pipeline);
        const entry = entryStage(pipeline);
        const stage = unsorted?.id === rs.status_id ? unsorted : entry?.id === rs.status_id ? entry : undefined;
        if (!stage) continue;
        const kind = stage === unsorted ? 'unsorted' : 'entry';
        items.push({
          id: `field:${field.id}@status:${stage.id}`,
          message: {
            key: `items.required-at-entry-stage.${kind}`,
            params: { field: field.name, stage: stage.name, pipeline: pipeline.name },
          },
          link: crmLinks.pipelineSettings(pipeline.id),
          data: { entity, field_id: field.id, pipeline_id: pipeline.id, status_id: stage.id, stage: kind },
        });
      }
    }
    return { outcome: items.length ? 'fail' : 'pass', items };
  },
});
