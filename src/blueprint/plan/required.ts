/**
 * The required-field matrix, written as the whole `required_statuses` array per field: for every field
 * the document lists, the stages the document marks in the pipelines it covers, plus the field's entries
 * on pipelines the document does not cover (it says nothing about those). Planned after pipelines and
 * fields, so it sees the stages and fields they create.
 */
import type { CustomFieldDto, FieldEntity, PipelineDto, RequiredStatusDto } from '../../api/dto';
import { normalizeName } from '../../audit/normalize';
import { patchField, type FieldChanges } from '../../fix/ops';
import { entryExists } from '../../fix/required-entries';
import { ENUM_TYPES, type Blueprint, type BlueprintPipeline, type BlueprintRequired } from '../types';
import { findField } from './fields';
import type { Model } from './model';
import { needModel } from './model';
import { matchPipelines, resolveStage } from './match';
import { emptySection, type SectionPlan } from './section';

const key = (r: RequiredStatusDto) => `${r.pipeline_id}:${r.status_id}`;

/** "Pipeline: Stage" labels of entries, in pipeline and stage order. */
export function labels(entries: RequiredStatusDto[], pipelines: PipelineDto[]): string {
  return entries
    .map((r) => {
      const p = pipelines.find((x) => x.id === r.pipeline_id);
      const s = p?._embedded.statuses.find((x) => x.id === r.status_id);
      return `${p?.name ?? `#${r.pipeline_id}`}: ${s?.name ?? `#${r.status_id}`}`;
    })
    .join('; ');
}

/** Entries in pipeline and stage order (the order the required array is written in). */
export function ordered(entries: RequiredStatusDto[], pipelines: PipelineDto[]): RequiredStatusDto[] {
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

const fkey = (entity: FieldEntity, name: string) => `${entity}:${normalizeName(name)}`;

/** Where the document's matrix requires one field, resolved against the account (as the plan leaves it). */
export interface WantedEntries {
  /** Entries on stages the account has, in pipeline and stage order. */
  entries: RequiredStatusDto[];
  /** Matrix rows naming a pipeline or stage the account does not have. */
  unknown: BlueprintRequired[];
  /** Ids of the account pipelines the document covers (its entries there are the document's). */
  covered: Set<number>;
  /** The matrix rows of the field, resolved or not. */
  rows: BlueprintRequired[];
}

/** The matrix's entries for a field of the document. */
export function wantedEntries(
  model: Model,
  doc: Pick<Blueprint, 'pipelines' | 'required'>,
  entity: FieldEntity,
  name: string,
): WantedEntries {
  const pipelines = needModel(model, 'pipelines');
  const matches = matchPipelines(doc.pipelines, pipelines);
  const covered = new Set([...matches.values()].filter((p) => p !== undefined).map((p) => p.id));
  const docPipeline = (n: string): BlueprintPipeline | undefined =>
    [...matches.keys()].find((p) => normalizeName(p.name) === normalizeName(n));
  const entries: RequiredStatusDto[] = [];
  const unknown: BlueprintRequired[] = [];
  const rows = doc.required.filter((x) => fkey(x.entity, x.field) === fkey(entity, name));
  for (const r of rows) {
    const d = docPipeline(r.pipeline);
    const p = d ? matches.get(d) : undefined;
    const s = d && p ? resolveStage(d, p, r.stage) : undefined;
    if (!p || !s) {
      unknown.push(r);
      continue;
    }
    const entry = { pipeline_id: p.id, status_id: s.id };
    if (!entries.some((w) => key(w) === key(entry))) entries.push(entry);
  }
  return { entries: ordered(entries, pipelines), unknown, covered, rows };
}

/** A field's required entries that name an existing stage: the API refuses to store the others (R-FIELD-4). */
export function liveEntries(model: Model, field: CustomFieldDto): RequiredStatusDto[] {
  const current = field.required_statuses ?? [];
  if (!model.pipelines) return current;
  return current.filter((r) => entryExists(model.pipelines!, r));
}

/** Plans the required section for the document's fields (the loss-reason field included). */
export function planRequired(model: Model, doc: Blueprint): SectionPlan {
  const out = emptySection('required');
  const pipelines = needModel(model, 'pipelines');
  needModel(model, 'fields');
  // Every field the document lists, plus the fields its matrix names.
  const fields = new Map<string, { entity: FieldEntity; name: string }>();
  for (const f of doc.fields) fields.set(fkey(f.entity, f.name), { entity: f.entity, name: f.name });
  for (const r of doc.required)
    if (!fields.has(fkey(r.entity, r.field))) fields.set(fkey(r.entity, r.field), { entity: r.entity, name: r.field });
  for (const { entity, name } of fields.values()) {
    const have = findField(model, entity, name);
    const { entries: wanted, unknown, covered, rows } = wantedEntries(model, doc, entity, name);
    if (!have) {
      for (const r of rows) out.manual.push({ key: 'blueprint.manual.requiredUnknown', params: { ...r } });
      continue;
    }
    for (const r of unknown) {
      out.differences.push({ key: 'blueprint.diff.requiredUnknown', params: { ...r } });
      out.manual.push({ key: 'blueprint.manual.requiredUnknown', params: { ...r } });
    }
    const current = have.required_statuses ?? [];
    // Entries on stages that no longer exist go: no PATCH could keep them (the API refuses them).
    const kept = liveEntries(model, have).filter((r) => !covered.has(r.pipeline_id));
    const next = ordered([...wanted, ...kept.filter((k) => !wanted.some((w) => key(w) === key(k)))], pipelines);
    const params = { entity, field: have.name, stages: next.length ? labels(next, pipelines) : '—' };
    // A field this document creates carries its requirement in its POST (fields, loss reasons): the
    // difference is the matrix's, the write is the create's — one POST, no PATCH of what it made.
    if (have.id < 0) {
      if (next.length) out.differences.push({ key: 'blueprint.diff.required', params });
      continue;
    }
    const same = next.length === current.length && next.every((n) => current.some((c) => key(c) === key(n)));
    if (same) continue;
    out.differences.push({ key: 'blueprint.diff.required', params });
    const stale = current.length !== liveEntries(model, have).length;
    out.ops.push(
      patchField(
        entity,
        have,
        bodyFor(have, next),
        { key: 'blueprint.op.setRequired', params },
        // Undo writes back what the API can hold: the entries on stages that still exist.
        stale ? { required_statuses: liveEntries(model, have) } : undefined,
      ),
    );
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
