/** Ops that take stages out of a field's `required_statuses`, one per pipeline, each building on the last. */
import type { CustomFieldDto, FieldEntity, PipelineDto, RequiredStatusDto } from '../../api/dto';
import { patchRequiredStatuses } from '../ops';
import type { Op } from '../types';
import { entriesOf, entryExists, quoted, sameEntry, stageName } from './shared';

/**
 * One PATCH per pipeline removing `drop` from the field. Entries naming stages that no longer exist
 * go too (the API refuses to store them, so a body keeping them would fail) and are not restored by undo.
 */
export function removalOps(
  entity: FieldEntity,
  field: CustomFieldDto,
  drop: readonly RequiredStatusDto[],
  pipelines: readonly PipelineDto[],
): Op[] {
  const ops: Op[] = [];
  let current = entriesOf(field);
  const pipelineIds = [...new Set(drop.map((d) => d.pipeline_id))];
  for (const pid of pipelineIds) {
    const here = drop.filter((d) => d.pipeline_id === pid);
    const stale = current.filter((rs) => !entryExists(pipelines, rs));
    const next = current.filter((rs) => !here.some((d) => sameEntry(d, rs)) && entryExists(pipelines, rs));
    const pipeline = pipelines.find((p) => p.id === pid);
    const params = {
      field: field.name,
      stages: quoted(here.map((d) => stageName(pipelines, d))),
      pipeline: pipeline?.name ?? `#${pid}`,
      count: here.length,
    };
    const summary = stale.length
      ? { key: 'fix.op.requiredRemovedStale', params: { ...params, stale: stale.length } }
      : { key: 'fix.op.requiredRemoved', params };
    const snapshotField = { ...field, required_statuses: current };
    // Undo puts back what the API can hold: the removed stages, never the vanished ones.
    const restore = stale.length ? current.filter((rs) => entryExists(pipelines, rs)) : undefined;
    ops.push(patchRequiredStatuses(entity, snapshotField, next, summary, restore));
    current = next;
  }
  return ops;
}
