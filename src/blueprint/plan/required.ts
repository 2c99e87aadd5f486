/**
 * The required-field matrix, written as the whole `required_statuses` array per field: for every field
 * the document lists, the stages the document marks in the pipelines it covers, plus the field's entries
 * on pipelines the document does not cover (it says nothing about those). Planned after pipelines and
 * fields, so it sees the stages and fields they create.
 */
import type { CustomFieldDto, FieldEntity, PipelineDto, RequiredStatusDto } from '../../api/dto';
import { normalizeName } from '../../audit/normalize';
import { patchField, type FieldChanges } from '../../fix/ops';
import { ENUM_TYPES, type Blueprint, type BlueprintPipeline } from '../types';
import { findField } from './fields';
import type { Model } from './model';
import { needModel } from './model';
import { matchPipelines, resolveStage } from './match';
import { emptySection, type SectionPlan } from './section';

const key = (r: RequiredStatusDto) => `${r.pipeline_id}:${r.status_id}`;

/** "Pipeline: Stage" labels of entries, in pipeline and stage order. */
function labels(entries: RequiredStatusDto[], pipelines: PipelineDto[]): string {
  return entries
    .map((r) => {
      const p = pipelines.find((x) => x.id === r.pipeline_id);
      const s = p?._embedded.statuses.find((x) => x.id === r.status_id);
      return `${p?.name ?? `#${r.pipeline_id}`}: ${s?.name ?? `#${r.status_id}`}`;
    })
    .join('; ');
}

function ordered(entries: RequiredStatusDto[], pipelines: PipelineDto[]): RequiredStatusDto[] {
  const rank = (r: RequiredStatusDto) => {
    const pi = pipelines.findIndex((p) => p.id === r.pipeline_id);
    const s = pipelines[pi]?._embedded.statuses.find((x) => x.id === r.status_id);
    return [pi, s?.sort ?? 0] as const;
  };
  return [...entries].sort((a, b) => {
    const [pa, sa] = rank(a);
    const [pb, sb] = rank(b);
    return pa - pb || sa - sb;
  });
}

/** Plans the required section for the document's fields (the loss-reason field included). */
export function planRequired(model: Model, doc: Blueprint): SectionPlan {
  const out = emptySection('required');
  const pipelines = needModel(model, 'pipelines');
  needModel(model, 'fields');
  const matches = matchPipelines(doc.pipelines, pipelines);
  const covered = new Set([...matches.values()].filter((p) => p !== undefined).map((p) => p.id));
  const docPipeline = (name: string): BlueprintPipeline | undefined =>
    [...matches.keys()].find((p) => normalizeName(p.name) === normalizeName(name));
  // Every field the document lists, plus the fields its matrix names.
  const fields = new Map<string, { entity: FieldEntity; name: string }>();
  const fkey = (entity: FieldEntity, name: string) => `${entity}:${normalizeName(name)}`;
  for (const f of doc.fields) fields.set(fkey(f.entity, f.name), { entity: f.entity, name: f.name });
  for (const r of doc.required)
    if (!fields.has(fkey(r.entity, r.field))) fields.set(fkey(r.entity, r.field), { entity: r.entity, name: r.field });
  for (const { entity, name } of fields.values()) {
    const have = findField(model, entity, name);
    const wantedHere = doc.required.filter((r) => fkey(r.entity, r.field) === fkey(entity, name));
    if (!have) {
      if (wantedHere.length) {
        for (const r of wantedHere) out.manual.push({ key: 'blueprint.manual.requiredUnknown', params: { ...r } });
      }
      continue;
    }
    const wanted: RequiredStatusDto[] = [];
    for (const r of wantedHere) {
      const d = docPipeline(r.pipeline);
      const p = d ? matches.get(d) : undefined;
      const s = d && p ? resolveStage(d, p, r.stage) : undefined;
      if (!p || !s) {
        out.differences.push({ key: 'blueprint.diff.requiredUnknown', params: { ...r } });
        out.manual.push({ key: 'blueprint.manual.requiredUnknown', params: { ...r } });
        continue;
      }
      const entry = { pipeline_id: p.id, status_id: s.id };
      if (!wanted.some((w) => key(w) === key(entry))) wanted.push(entry);
    }
    const current = have.required_statuses ?? [];
    const kept = current.filter((r) => !covered.has(r.pipeline_id));
    const next = ordered([...wanted, ...kept.filter((k) => !wanted.some((w) => key(w) === key(k)))], pipelines);
    const same = next.length === current.length && next.every((n) => current.some((c) => key(c) === key(n)));
    if (same) continue;
    const params = { entity, field: have.name, stages: next.length ? labels(next, pipelines) : '—' };
    out.differences.push({ key: 'blueprint.diff.required', params });
    out.ops.push(patchField(entity, have, bodyFor(have, next), { key: 'blueprint.op.setRequired', params }));
    have.required_statuses = next;
  }
  return out;
}

/** The field PATCH body: its name, every option with its id (list fields), and the whole required array. */
function bodyFor(field: CustomFieldDto, next: RequiredStatusDto[]): FieldChanges {
  return {
    name: field.name,
    ...(ENUM_TYPES.includes(field.type)
      ? { enums: (field.enums ?? []).map((e) => ({ id: e.id, value: e.value, sort: e.sort })) }
      : {}),
    required_statuses: next,
  };
}
