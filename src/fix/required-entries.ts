/** Reading `required_statuses` entries for a plan: copies, existence, names for summaries, the matrix's stages. */
import type { CustomFieldDto, PipelineDto, RequiredStatusDto } from '../api/dto';
import type { RequiredFieldRule } from '../audit/baseline/types';
import { requiredStatuses, workingStages } from '../audit/terms';

/** Names in guillemets, comma-separated: «A», «B». */
export function quoted(names: readonly string[]): string {
  return names.map((n) => `«${n}»`).join(', ');
}

/** Same stage entry. */
export function sameEntry(a: RequiredStatusDto, b: RequiredStatusDto): boolean {
  return a.pipeline_id === b.pipeline_id && a.status_id === b.status_id;
}

/** Plain `{status_id, pipeline_id}` copies (the API may add keys we must not echo). */
export function entriesOf(field: CustomFieldDto): RequiredStatusDto[] {
  return requiredStatuses(field).map((r) => ({ status_id: r.status_id, pipeline_id: r.pipeline_id }));
}

/** True when the entry names an existing stage of an existing pipeline. */
export function entryExists(pipelines: readonly PipelineDto[], rs: RequiredStatusDto): boolean {
  const p = pipelines.find((x) => x.id === rs.pipeline_id);
  return !!p && (p._embedded?.statuses ?? []).some((s) => s.id === rs.status_id);
}

/** The stage's name in a pipeline, or its id when it no longer exists. */
export function stageName(pipelines: readonly PipelineDto[], rs: RequiredStatusDto): string {
  const p = pipelines.find((x) => x.id === rs.pipeline_id);
  return p?._embedded?.statuses.find((s) => s.id === rs.status_id)?.name ?? `#${rs.status_id}`;
}

/** The pipeline's name, or its id when it no longer exists. */
export function pipelineName(pipelines: readonly PipelineDto[], pipelineId: number): string {
  return pipelines.find((p) => p.id === pipelineId)?.name ?? `#${pipelineId}`;
}

/** «A», «B» — «Sales»; «C» — «Partners»: stages grouped by pipeline for one summary line. */
export function stagesByPipeline(entries: readonly RequiredStatusDto[], pipelines: readonly PipelineDto[]): string {
  const ids = [...new Set(entries.map((e) => e.pipeline_id))];
  return ids
    .map((pid) => {
      const here = entries.filter((e) => e.pipeline_id === pid);
      return `${quoted(here.map((e) => stageName(pipelines, e)))} — «${pipelineName(pipelines, pid)}»`;
    })
    .join('; ');
}

/** Stages of a pipeline a matrix row makes the field required at. */
export function matrixEntries(rule: RequiredFieldRule, pipeline: PipelineDto): RequiredStatusDto[] {
  if ('atStatus' in rule) {
    const has = (pipeline._embedded?.statuses ?? []).some((s) => s.id === rule.atStatus);
    return has ? [{ status_id: rule.atStatus, pipeline_id: pipeline.id }] : [];
  }
  return workingStages(pipeline)
    .slice(Math.max(0, rule.fromWorkingStage - 1))
    .map((s) => ({ status_id: s.id, pipeline_id: pipeline.id }));
}
