/** Helpers the plan builders share: looking up baseline fields, the matrix's stages, names for summaries. */
import type { CustomFieldDto, FieldEntity, PipelineDto, RequiredStatusDto } from '../../api/dto';
import { STATUS_LOST, STATUS_WON } from '../../api/dto';
import type { BaselineField, RequiredFieldRule } from '../../audit/baseline/types';
import { LIST_FIELD_TYPES } from '../../audit/baseline/types';
import type { CheckResult, RuleContext } from '../../audit/types';
import type { Lang } from '../../i18n/translate';
import { normalizeName } from '../../audit/normalize';
import { isListField, requiredStatuses, workingStages } from '../../audit/terms';
import type { NewField } from '../ops';
import type { Plan } from '../types';

/** Builds a rule's fix from the same context its check saw; pure; null when there is nothing to do. */
export type PlanBuilder = (ctx: RuleContext, result: CheckResult, lang?: Lang) => Plan | null;

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

const SOURCE_WORDS = ['источник', 'source', 'канал', 'channel'];

/**
 * The account's field standing for a baseline field: same entity and the baseline's name in either
 * language; for the lead source, any list field the lead-source rule would accept.
 */
export function findBaselineField(fields: readonly CustomFieldDto[], bf: BaselineField): CustomFieldDto | undefined {
  const names = [normalizeName(bf.name.ru), normalizeName(bf.name.en)];
  const byName = fields.find(
    (f) => names.includes(normalizeName(f.name)) && (!LIST_FIELD_TYPES.includes(bf.type) || isListField(f)),
  );
  if (byName || bf.purpose !== 'lead-source') return byName;
  return fields.find((f) => isListField(f) && SOURCE_WORDS.some((w) => normalizeName(f.name).includes(w)));
}

/** The POST body of a baseline field in the report's language. */
export function newFieldBody(bf: BaselineField, lang: Lang, required?: RequiredStatusDto[]): NewField {
  const body: NewField = { name: bf.name[lang], type: bf.type };
  if (bf.options?.length) body.enums = bf.options.map((o, i) => ({ value: o[lang], sort: (i + 1) * 10 }));
  if (required?.length) body.required_statuses = required;
  return body;
}

/** The options of a baseline field, listed for a summary. */
export function optionList(bf: BaselineField, lang: Lang): string {
  return (bf.options ?? []).map((o) => o[lang]).join(', ');
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

/** Which snapshot part holds an entity's fields. */
export function fieldPart(entity: FieldEntity): 'leadFields' | 'contactFields' | 'companyFields' {
  return entity === 'leads' ? 'leadFields' : entity === 'contacts' ? 'contactFields' : 'companyFields';
}

/** Ids a result's items carry in `data` under `key`, distinct, in order. */
export function itemIds(result: CheckResult, key: string): number[] {
  const ids: number[] = [];
  for (const item of result.items ?? []) {
    const v = item.data?.[key];
    if (typeof v === 'number' && !ids.includes(v)) ids.push(v);
  }
  return ids;
}

/** 142 and 143, for readers of this module. */
export const CLOSED = { won: STATUS_WON, lost: STATUS_LOST } as const;
