import type { FieldEntity } from '../../../api/dto';
import { entriesOf, entryExists } from '../../../fix/required-entries';
import type { Op } from '../../../fix/types';
import { defineRule, type Finding } from '../../define-rule';
import { allFields, need } from '../../context';
import { hasStatus, requiredStatuses } from '../../terms';
import { crmLinks } from '../../links';

type Stale = Finding<{
  entity: FieldEntity;
  field_id: number;
  pipeline_id: number;
  status_id: number;
  missing: 'status' | 'pipeline';
}>;

/** A field is "required" at a pipeline or stage that no longer exists (left over after deletions). */
export const requiredStatusesStale = defineRule<Stale>({
  meta: {
    id: 'required-statuses-stale',
    area: 'fields',
    severity: 'low',
    requires: ['leadFields', 'contactFields', 'companyFields', 'pipelines'],
    fix: 'safe',
    messages: ['status', 'pipeline'],
  },
  check(ctx) {
    const pipelines = need(ctx, 'pipelines');
    const findings: Stale[] = [];
    for (const { entity, field } of allFields(ctx)) {
      for (const rs of requiredStatuses(field)) {
        const pipeline = pipelines.find((p) => p.id === rs.pipeline_id);
        if (pipeline && hasStatus(pipeline, rs.status_id)) continue;
        const missing = pipeline ? 'status' : 'pipeline';
        findings.push({
          id: `field:${field.id}@pipeline:${rs.pipeline_id}@status:${rs.status_id}`,
          message: missing,
          params: { field: field.name, pipeline_id: rs.pipeline_id, status_id: rs.status_id },
          link: crmLinks.fields(entity),
          data: { entity, field_id: field.id, pipeline_id: rs.pipeline_id, status_id: rs.status_id, missing },
        });
      }
    }
    return findings;
  },
  /**
   * Drop the entries naming a pipeline or stage that no longer exists. They required nothing, and the
   * API would refuse to store them again, so undo has nothing to restore.
   */
  fix(ctx, findings, kit) {
    const pipelines = need(ctx, 'pipelines');
    const fields = allFields(ctx);
    const seen = new Set<string>();
    const ops: Op[] = [];
    for (const { data } of findings) {
      const key = `${data.entity}:${data.field_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const field = fields.find((f) => f.entity === data.entity && f.field.id === data.field_id)?.field;
      if (!field) continue;
      const current = entriesOf(field);
      const next = current.filter((rs) => entryExists(pipelines, rs));
      const stale = current.filter((rs) => !entryExists(pipelines, rs));
      const summary = {
        key: 'fix.op.staleRemoved',
        params: {
          field: field.name,
          count: stale.length,
          entries: stale.map((rs) => `${rs.pipeline_id}/${rs.status_id}`).join(', '),
        },
      };
      ops.push(kit.patchRequiredStatuses(data.entity, field, next, summary, next));
    }
    return ops;
  },
});
