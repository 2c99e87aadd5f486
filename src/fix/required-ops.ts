/**
 * Op builders over a field's `required_statuses` shared by several rules: making a baseline field
 * required at some stages, and moving requirements off stages (one PATCH per pipeline, each building on
 * the last, always the whole desired array). Entries naming stages that no longer exist go in every
 * PATCH (the API refuses to store them, so a body keeping them would fail) and are never restored.
 */
import type { CustomFieldDto, FieldEntity, PipelineDto, RequiredStatusDto } from '../api/dto';
import type { BaselineField } from '../audit/baseline/types';
import type { Message } from '../audit/types';
import type { Lang } from '../i18n/translate';
import { newFieldBody, optionList } from './baseline-fields';
import { createField, patchRequiredStatuses } from './ops';
import {
  entriesOf,
  entryExists,
  pipelineName,
  quoted,
  sameEntry,
  stageName,
  stagesByPipeline,
} from './required-entries';
import type { Op } from './types';

/** Ops making `bf` (the account's `existing` field, if any) required at `add`. */
export function requireFieldOps(
  bf: BaselineField,
  existing: CustomFieldDto | undefined,
  add: readonly RequiredStatusDto[],
  pipelines: readonly PipelineDto[],
  lang: Lang,
): Op[] {
  if (add.length === 0) return [];
  if (!existing) {
    // POST takes required_statuses in the body (documented), so no second op needs the new field's id.
    const options = optionList(bf, lang);
    return [
      createField(bf.entity, newFieldBody(bf, lang, [...add]), {
        key: options ? 'fix.op.createListFieldRequired' : 'fix.op.createFieldRequired',
        params: { field: bf.name[lang], options, stages: stagesByPipeline(add, pipelines), count: add.length },
      }),
    ];
  }
  const ops: Op[] = [];
  let current = entriesOf(existing).filter((rs) => entryExists(pipelines, rs));
  const stale = entriesOf(existing).length !== current.length;
  for (const pid of [...new Set(add.map((e) => e.pipeline_id))]) {
    const here = add.filter((e) => e.pipeline_id === pid && !current.some((rs) => sameEntry(rs, e)));
    if (here.length === 0) continue;
    const next = [...current, ...here];
    const base =
      ops.length === 0
        ? { ...existing, required_statuses: entriesOf(existing) }
        : { ...existing, required_statuses: current };
    ops.push(
      patchRequiredStatuses(
        bf.entity,
        base,
        next,
        {
          key: 'fix.op.requiredAdded',
          params: {
            field: existing.name,
            stages: quoted(here.map((e) => stageName(pipelines, e))),
            pipeline: pipelineName(pipelines, pid),
            count: here.length,
          },
        },
        ops.length === 0 && stale ? current : undefined,
      ),
    );
    current = next;
  }
  return ops;
}

/** Stages to take a field's requirement off in one pipeline, and the stage it moves to (null: it is only dropped). */
export interface Relocation {
  pipelineId: number;
  drop: readonly RequiredStatusDto[];
  to: RequiredStatusDto | null;
}

/** The summary of one relocation: what goes, where it moves, and the stale references that go with it. */
function relocationSummary(
  field: CustomFieldDto,
  move: Relocation,
  moved: boolean,
  stale: number,
  pipelines: readonly PipelineDto[],
): Message {
  const params: Record<string, string | number> = {
    field: field.name,
    stages: quoted(move.drop.map((d) => stageName(pipelines, d))),
    pipeline: pipelineName(pipelines, move.pipelineId),
    count: move.drop.length,
  };
  if (moved && move.to) params['to'] = quoted([stageName(pipelines, move.to)]);
  if (stale) params['stale'] = stale;
  const key = moved
    ? stale
      ? 'fix.op.requiredMovedStale'
      : 'fix.op.requiredMoved'
    : stale
      ? 'fix.op.requiredRemovedStale'
      : 'fix.op.requiredRemoved';
  return { key, params };
}

/**
 * One PATCH per relocation: the field stops being required at `drop` and becomes required at `to`
 * (unless it already is). Undo puts back what the API can hold: the dropped stages, never vanished ones.
 */
export function relocationOps(
  entity: FieldEntity,
  field: CustomFieldDto,
  moves: readonly Relocation[],
  pipelines: readonly PipelineDto[],
): Op[] {
  const ops: Op[] = [];
  let current = entriesOf(field);
  for (const move of moves) {
    const stale = current.filter((rs) => !entryExists(pipelines, rs));
    const kept = current.filter((rs) => !move.drop.some((d) => sameEntry(d, rs)) && entryExists(pipelines, rs));
    const target = move.to;
    const moved = target !== null && !kept.some((rs) => sameEntry(rs, target));
    const next = moved && target ? [...kept, { ...target }] : kept;
    const restore = stale.length ? current.filter((rs) => entryExists(pipelines, rs)) : undefined;
    const summary = relocationSummary(field, move, moved, stale.length, pipelines);
    ops.push(patchRequiredStatuses(entity, { ...field, required_statuses: current }, next, summary, restore));
    current = next;
  }
  return ops;
}
