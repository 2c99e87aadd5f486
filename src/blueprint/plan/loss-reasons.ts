/**
 * Loss reasons live where the documented API can write them: as the options of a leads list field
 * required at 143 in every pipeline (the baseline's «Причина отказа»). amoCRM's own loss-reason list
 * has no documented write, so when the account uses it, filling it is a step for a person.
 */
import type { Message } from '../../audit/types';
import { normalizeName } from '../../audit/normalize';
import type { Blueprint, BlueprintField, BlueprintRequired } from '../types';
import { findField } from './fields';
import type { Model } from './model';
import { activePipelines, matchPipelines } from './match';
import { LOST } from '../stages';

/** The document with its loss reasons folded into its fields and matrix: the field, and 143 in every pipeline. */
export function withLossReasons(doc: Blueprint): {
  fields: BlueprintField[];
  loss: BlueprintField | null;
  required: BlueprintRequired[];
} {
  const lr = doc.lossReasons;
  if (!lr) return { fields: doc.fields, loss: null, required: doc.required };
  const n = normalizeName(lr.field);
  const listed = doc.fields.find((f) => f.entity === 'leads' && normalizeName(f.name) === n);
  // Every mention of the field (of its type) is the one field: their options are all its options.
  const mentions = doc.fields.filter(
    (f) => f.entity === 'leads' && normalizeName(f.name) === n && f.type === (listed?.type ?? f.type),
  );
  const options: string[] = [];
  for (const o of mentions.flatMap((f) => f.options))
    if (!options.some((x) => normalizeName(x) === normalizeName(o))) options.push(o);
  for (const r of lr.reasons) if (!options.some((o) => normalizeName(o) === normalizeName(r))) options.push(r);
  const loss: BlueprintField = {
    entity: 'leads',
    name: listed?.name ?? lr.field,
    type: listed?.type ?? 'select',
    options,
    group: mentions.find((f) => f.group !== null)?.group ?? null,
  };
  const required = [...doc.required];
  for (const p of activePipelines(doc.pipelines)) {
    const has = required.some(
      (r) =>
        r.entity === 'leads' &&
        normalizeName(r.field) === n &&
        normalizeName(r.pipeline) === normalizeName(p.name) &&
        normalizeName(r.stage) === normalizeName(p.lost),
    );
    if (!has && p.lost) required.push({ entity: 'leads', field: loss.name, pipeline: p.name, stage: p.lost });
  }
  return { fields: doc.fields.filter((f) => !mentions.includes(f)), loss, required };
}

/** Where the account differs from the document's loss reasons (read before anything is applied). */
export function lossDifferences(model: Model, doc: Blueprint): Message[] {
  const lr = doc.lossReasons;
  if (!lr || !model.fields || !model.pipelines) return [];
  const field = findField(model, 'leads', lr.field);
  if (!field) return [{ key: 'blueprint.diff.lossField', params: { field: lr.field } }];
  const out: Message[] = [];
  const have = new Set((field.enums ?? []).map((e) => normalizeName(e.value)));
  const missing = lr.reasons.filter((r) => !have.has(normalizeName(r)));
  if (missing.length)
    out.push({ key: 'blueprint.diff.lossReasonsMissing', params: { field: field.name, reasons: missing.join(', ') } });
  for (const [d, p] of matchPipelines(doc.pipelines, model.pipelines)) {
    const at143 = p && (field.required_statuses ?? []).some((r) => r.pipeline_id === p.id && r.status_id === LOST);
    if (!at143) out.push({ key: 'blueprint.diff.lossNotRequired', params: { field: field.name, pipeline: d.name } });
  }
  return out;
}

/** The by-hand step for amoCRM's own loss-reason list, when the account has it switched on. */
export function lossListStep(model: Model, doc: Blueprint): Message[] {
  if (!doc.lossReasons?.reasons.length || model.account?.is_loss_reason_enabled !== true) return [];
  return [{ key: 'blueprint.manual.lossList', params: { reasons: doc.lossReasons.reasons.join(', ') } }];
}
