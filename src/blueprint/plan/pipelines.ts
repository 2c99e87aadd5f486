/**
 * Pipelines and stages. A missing pipeline is created with its stages in one POST, 142/143 named at
 * creation. In a matched one: stages match by name, then the account's unmatched empty working stages
 * are renamed in order, the rest are added; the order follows the document. A stage that holds deals is
 * never renamed away or deleted, and 142/143 of an existing pipeline are never PATCHed (renaming them is
 * a step for a person). Nothing is deleted.
 */
import type { PipelineDto, StatusDto } from '../../api/dto';
import { normalizeName } from '../../audit/normalize';
import { createPipeline, createStatus, patchPipeline, patchStatus, type NewPipelineStatus } from '../../fix/ops';
import { STATUS_COLORS } from '../../fix/palette';
import { LOST, WON, stagesOf } from '../stages';
import type { BlueprintPipeline } from '../types';
import type { Model } from './model';
import { needModel } from './model';
import { activePipelines, matchPipelines } from './match';
import { emptySection, type SectionPlan } from './section';

/** Most pipelines an account may have (reference §6). */
const MAX_PIPELINES = 50;
/** First working stage's sort (unsorted is 10) and the step between stages. */
const FIRST_SORT = 20;
const STEP = 10;
/** 142's sort: working stages stay below it. */
const WON_SORT = 10_000;

function deals(model: Model, p: PipelineDto, s: StatusDto): number | null {
  if (!model.stageDeals) return null;
  return model.stageDeals[`${p.id}:${s.id}`] ?? 0;
}

/** The documented palette in turn (the fixes' one list): a document's new stages are told apart on the board. */
function colorAt(i: number): string {
  return STATUS_COLORS[i % STATUS_COLORS.length]!;
}

/** Plans the pipelines section. */
export function planPipelines(model: Model, doc: BlueprintPipeline[]): SectionPlan {
  const out = emptySection('pipelines');
  const account = needModel(model, 'pipelines');
  const matches = matchPipelines(doc, account);
  let nextSort = Math.max(0, ...account.map((p) => p.sort));
  for (const p of doc.filter((x) => x.archived))
    out.manual.push({ key: 'blueprint.manual.archived', params: { pipeline: p.name } });
  for (const d of activePipelines(doc)) {
    const have = matches.get(d);
    if (!have) {
      out.differences.push({ key: 'blueprint.diff.pipelineMissing', params: { pipeline: d.name } });
      if (account.length >= MAX_PIPELINES) {
        out.manual.push({ key: 'blueprint.manual.tooManyPipelines', params: { pipeline: d.name, max: MAX_PIPELINES } });
        continue;
      }
      nextSort += STEP;
      const statuses: NewPipelineStatus[] = [
        ...d.stages.map((name, i) => ({ name, sort: FIRST_SORT + i * STEP, color: colorAt(i) })),
        { id: WON, name: d.won },
        { id: LOST, name: d.lost },
      ];
      out.ops.push(
        createPipeline(
          // Only one pipeline is main, and the account has one already: a created pipeline never takes it over.
          { name: d.name, sort: nextSort, is_main: false, is_unsorted_on: d.unsorted, _embedded: { statuses } },
          { key: 'blueprint.op.createPipeline', params: { pipeline: d.name, stages: d.stages.join(', ') } },
        ),
      );
      account.push(virtualPipeline(model, d, nextSort));
      continue;
    }
    planMatched(model, out, d, have);
  }
  const matched = new Set([...matches.values()].filter((x) => x !== undefined));
  for (const a of account) {
    if (a.id > 0 && !matched.has(a) && !a.is_archive)
      out.manual.push({ key: 'blueprint.manual.extraPipeline', params: { pipeline: a.name } });
  }
  return out;
}

function virtualPipeline(model: Model, d: BlueprintPipeline, sort: number): PipelineDto {
  const id = model.virtualId();
  const st = (sid: number, name: string, s: number, type = 0): StatusDto => ({
    id: sid,
    name,
    sort: s,
    is_editable: type === 0 && sid < 0,
    pipeline_id: id,
    color: '',
    type,
  });
  return {
    id,
    name: d.name,
    sort,
    is_main: false,
    is_unsorted_on: d.unsorted,
    is_archive: false,
    _embedded: {
      statuses: [
        st(model.virtualId(), '', 10, 1),
        ...d.stages.map((name, i) => st(model.virtualId(), name, FIRST_SORT + i * STEP)),
        st(WON, d.won, WON_SORT),
        st(LOST, d.lost, WON_SORT + 1000),
      ],
    },
  };
}

// The main pipeline is matched whatever its name, so it is the one that can get a rename here.
function planMatched(model: Model, out: SectionPlan, d: BlueprintPipeline, have: PipelineDto): void {
  const pipeline = { pipeline: d.name };
  if (normalizeName(have.name) !== normalizeName(d.name)) {
    out.differences.push({ key: 'blueprint.diff.pipelineName', params: { from: have.name, to: d.name } });
    out.ops.push(
      patchPipeline(
        have,
        { name: d.name },
        { key: 'blueprint.op.renamePipeline', params: { from: have.name, to: d.name } },
      ),
    );
    have.name = d.name;
  }
  if (have.is_unsorted_on !== d.unsorted) {
    out.differences.push({ key: 'blueprint.diff.unsorted', params: pipeline });
    out.ops.push(
      patchPipeline(
        have,
        { is_unsorted_on: d.unsorted },
        { key: d.unsorted ? 'blueprint.op.unsortedOn' : 'blueprint.op.unsortedOff', params: pipeline },
      ),
    );
    have.is_unsorted_on = d.unsorted;
  }
  const s = stagesOf(have);
  for (const [status, want] of [
    [s.won, d.won],
    [s.lost, d.lost],
  ] as const) {
    if (!status || !want || normalizeName(status.name) === normalizeName(want)) continue;
    // 142/143 are not editable (is_editable false; the docs name them only when a pipeline is created).
    out.differences.push({ key: 'blueprint.diff.closedName', params: { ...pipeline, from: status.name, to: want } });
    out.manual.push({ key: 'blueprint.manual.renameClosed', params: { ...pipeline, from: status.name, to: want } });
  }
  planStages(model, out, d, have, s.working);
}

/** Stages of a matched pipeline: match by name, rename empty leftovers in order, add the rest, then order. */
function planStages(
  model: Model,
  out: SectionPlan,
  d: BlueprintPipeline,
  have: PipelineDto,
  working: StatusDto[],
): void {
  const pipeline = { pipeline: d.name };
  const byName = new Map<string, StatusDto>();
  for (const st of working) if (!byName.has(normalizeName(st.name))) byName.set(normalizeName(st.name), st);
  const assigned: (StatusDto | undefined)[] = d.stages.map((name) => byName.get(normalizeName(name)));
  const taken = new Set(assigned.filter((x) => x !== undefined));
  // Dropping duplicates: a document naming a stage twice gets it once.
  for (let i = 0; i < assigned.length; i++) {
    const a = assigned[i];
    if (a && assigned.indexOf(a) !== i) assigned[i] = undefined;
  }
  const leftovers = working.filter((st) => !taken.has(st) && deals(model, have, st) === 0);
  for (let i = 0; i < assigned.length; i++) {
    if (assigned[i]) continue;
    const name = d.stages[i]!;
    out.differences.push({ key: 'blueprint.diff.stageMissing', params: { ...pipeline, stage: name } });
    const reuse = leftovers.shift();
    if (reuse) {
      out.ops.push(
        patchStatus(
          have,
          reuse,
          { name },
          { key: 'blueprint.op.renameStage', params: { ...pipeline, from: reuse.name, to: name } },
        ),
      );
      reuse.name = name;
      assigned[i] = reuse;
      taken.add(reuse);
    }
  }
  for (const st of working) {
    if (taken.has(st)) continue;
    const n = deals(model, have, st);
    out.manual.push({ key: 'blueprint.manual.extraStage', params: { ...pipeline, stage: st.name, deals: n ?? '?' } });
  }
  planOrder(model, out, d, have, assigned);
}

/**
 * Sorts in document order. When the existing stages already follow it and the gaps between them are wide
 * enough, new stages go into the gaps and nothing moves; otherwise the document's stages are renumbered.
 */
function planOrder(
  model: Model,
  out: SectionPlan,
  d: BlueprintPipeline,
  have: PipelineDto,
  assigned: (StatusDto | undefined)[],
): void {
  const pipeline = { pipeline: d.name };
  const sorts = gapSorts(assigned);
  const renumber = sorts === null;
  const target = sorts ?? assigned.map((_, i) => FIRST_SORT + i * STEP);
  let moved = false;
  assigned.forEach((st, i) => {
    const sort = target[i]!;
    const name = d.stages[i]!;
    if (!st) {
      out.ops.push(
        createStatus(
          have,
          { name, sort, color: colorAt(i) },
          { key: 'blueprint.op.addStage', params: { ...pipeline, stage: name } },
        ),
      );
      have._embedded.statuses.push({
        id: model.virtualId(),
        name,
        sort,
        is_editable: true,
        pipeline_id: have.id,
        color: colorAt(i),
        type: 0,
      });
      return;
    }
    if (renumber && st.sort !== sort) {
      moved = true;
      out.ops.push(
        patchStatus(
          have,
          st,
          { sort },
          { key: 'blueprint.op.moveStage', params: { ...pipeline, stage: st.name, position: i + 1 } },
        ),
      );
      st.sort = sort;
    }
  });
  if (moved) out.differences.push({ key: 'blueprint.diff.stageOrder', params: pipeline });
}

/** Sorts for the document's stages that keep every existing one where it is, or null when that cannot be done. */
function gapSorts(assigned: (StatusDto | undefined)[]): number[] | null {
  const out: number[] = [];
  let i = 0;
  let low = 10;
  while (i < assigned.length) {
    const st = assigned[i];
    if (st) {
      if (st.sort <= low) return null;
      out.push(st.sort);
      low = st.sort;
      i++;
      continue;
    }
    let j = i;
    while (j < assigned.length && !assigned[j]) j++;
    const high = j < assigned.length ? assigned[j]!.sort : WON_SORT;
    const count = j - i;
    const step = Math.floor((high - low) / (count + 1));
    if (step < 1) return null;
    for (let k = 1; k <= count; k++) out.push(low + step * k);
    low = low + step * count;
    i = j;
  }
  return out;
}
