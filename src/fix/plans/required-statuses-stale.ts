import type { FieldEntity } from '../../api/dto';
import { allFields, need } from '../../audit/context';
import { patchRequiredStatuses } from '../ops';
import type { Op } from '../types';
import { entriesOf, entryExists, type PlanBuilder } from './shared';

/**
 * Safe: drop `required_statuses` entries naming a pipeline or stage that no longer exists. They required
 * nothing, and the API would refuse to store them again, so undo has nothing to restore.
 */
export const requiredStatusesStalePlan: PlanBuilder = (ctx, result) => {
  const pipelines = need(ctx, 'pipelines');
  const fields = allFields(ctx);
  const seen = new Set<string>();
  const ops: Op[] = [];
  for (const item of result.items ?? []) {
    const d = item.data as { entity: FieldEntity; field_id: number };
    const key = `${d.entity}:${d.field_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const field = fields.find((f) => f.entity === d.entity && f.field.id === d.field_id)?.field;
    if (!field) continue;
    const current = entriesOf(field);
    const next = current.filter((rs) => entryExists(pipelines, rs));
    const stale = current.filter((rs) => !entryExists(pipelines, rs));
    ops.push(
      patchRequiredStatuses(
        d.entity,
        field,
        next,
        {
          key: 'fix.op.staleRemoved',
          params: {
            field: field.name,
            count: stale.length,
            entries: stale.map((rs) => `${rs.pipeline_id}/${rs.status_id}`).join(', '),
          },
        },
        next,
      ),
    );
  }
  return {
    ruleId: 'required-statuses-stale',
    kind: 'safe',
    ops,
    touches: ['leadFields', 'contactFields', 'companyFields', 'pipelines'],
  };
};
