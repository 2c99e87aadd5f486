import type { FieldEntity, RequiredStatusDto } from '../../api/dto';
import { allFields, need } from '../../audit/context';
import type { Op } from '../types';
import { removalOps } from './required-ops';
import type { PlanBuilder } from './shared';

/** Safe: each listed field stops being required at the unsorted / entry stage; its other stages stay. */
export const requiredAtEntryStagePlan: PlanBuilder = (ctx, result) => {
  const pipelines = need(ctx, 'pipelines');
  const fields = allFields(ctx);
  const drops = new Map<string, { entity: FieldEntity; fieldId: number; entries: RequiredStatusDto[] }>();
  for (const item of result.items ?? []) {
    const d = item.data as { entity: FieldEntity; field_id: number; pipeline_id: number; status_id: number };
    const key = `${d.entity}:${d.field_id}`;
    const group = drops.get(key) ?? { entity: d.entity, fieldId: d.field_id, entries: [] };
    group.entries.push({ status_id: d.status_id, pipeline_id: d.pipeline_id });
    drops.set(key, group);
  }
  const ops: Op[] = [];
  for (const { entity, fieldId, entries } of drops.values()) {
    const field = fields.find((f) => f.entity === entity && f.field.id === fieldId)?.field;
    if (field) ops.push(...removalOps(entity, field, entries, pipelines));
  }
  return {
    ruleId: 'required-at-entry-stage',
    kind: 'safe',
    ops,
    touches: ['leadFields', 'contactFields', 'companyFields', 'pipelines'],
  };
};
