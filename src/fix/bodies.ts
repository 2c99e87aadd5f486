/**
 * Write bodies exactly as the official PHP client (`amocrm/amocrm-api-php`) serialises an object it has
 * read and then changed: `updateOne` sends `Model::toApi(0)` — the whole object, never the smallest patch —
 * because the docs never say what a PATCH does with a key left out. Where the client would send something
 * the reference marks as not writable, the reference wins and the builder says so.
 */
import type { CustomFieldDto, EnumDto, PipelineDto, RoleDto, StatusDto } from '../api/dto';
import { completeRights, type CompleteRights } from './rights';

/** `request_id` as `updateOne` sends it (`toApi(0)`; RequestIdTrait casts it to a string). */
export const REQUEST_ID = '0';

/** A stage a field is required at, as sent (RequiredStatusModel::toApi). */
export interface RequiredEntrySent {
  status_id: number;
  pipeline_id: number;
}

/** An option as a field PATCH sends it (EnumModel::toApi): its `id` keeps it (and the values deals hold in it). */
export interface EnumSent {
  id?: number;
  value: string;
  sort: number;
  code?: string;
}

/** The keys of a field a change may set; everything else is sent as read. */
export interface FieldChanges {
  name?: string;
  /** Existing options must carry their `id`, or the API deletes them and makes new ones. */
  enums?: EnumSent[];
  required_statuses?: RequiredEntrySent[];
  /** Moves the field into a group (documented PATCH key). */
  group_id?: string;
}

/**
 * A field PATCH body as CustomFieldModel::toApi (+ WithEnumCustomFieldModel, Birthday-, Monetary- and
 * ChainedListCustomFieldModel) sends a field read from the API: `type`, `id`, `name`, `code` and `group_id`
 * when set, `sort`, `is_api_only`, `required_statuses`, the options, the per-type keys, `request_id`.
 */
export interface FieldBody {
  type: string;
  id: number;
  name: string;
  code?: string;
  sort: number;
  group_id?: string;
  is_api_only?: boolean;
  /** Always the whole desired array (the client sends it only when set; whether the API merges is undocumented). */
  required_statuses: RequiredEntrySent[];
  enums?: EnumSent[];
  remind?: string | null;
  currency?: string | null;
  chained_lists?: unknown[] | null;
  request_id: string;
}

function enumAsSent(e: EnumDto): EnumSent {
  return { id: e.id, value: e.value, sort: e.sort, ...(e.code ? { code: e.code } : {}) };
}

/** Field types whose model carries `enums` (WithEnumCustomFieldModel and its subclasses). */
const ENUM_MODELS = new Set(['select', 'multiselect', 'radiobutton', 'multitext', 'legal_entity', 'smart_address']);
/** The PATCH table requires `enums` for these (reference §7.6): sent even when the read list is empty. */
const ENUMS_REQUIRED = new Set(['select', 'multiselect', 'radiobutton']);

/** The whole PATCH body of `field` with `changes` written in; every other key as read. */
export function fieldBody(field: CustomFieldDto, changes: FieldChanges = {}): FieldBody {
  const body: FieldBody = {
    type: field.type,
    id: field.id,
    name: changes.name ?? field.name,
    sort: field.sort,
    required_statuses: (changes.required_statuses ?? field.required_statuses ?? []).map((r) => ({
      status_id: r.status_id,
      pipeline_id: r.pipeline_id,
    })),
    request_id: REQUEST_ID,
  };
  // fromArray keeps `code` and `group_id` only when non-empty, and toApi sends them only when kept.
  if (field.code) body.code = field.code;
  const group = changes.group_id ?? field.group_id;
  if (group) body.group_id = group;
  if (field.is_api_only !== undefined) body.is_api_only = field.is_api_only;
  const enums = changes.enums ?? (field.enums ?? []).map(enumAsSent);
  if (changes.enums || ENUMS_REQUIRED.has(field.type) || (ENUM_MODELS.has(field.type) && enums.length)) {
    body.enums = enums;
  }
  // The per-type models send these always (null when the account has none).
  if (field.type === 'birthday') body.remind = field.remind ?? null;
  if (field.type === 'monetary') body.currency = field.currency ?? null;
  if (field.type === 'chained_list') body.chained_lists = field.chained_lists ?? [];
  return body;
}

/** A stage PATCH body (StatusModel::toApi: `id` is left out once the stage knows its pipeline). */
export interface StatusBody {
  name: string;
  sort: number;
  color?: string;
  request_id: string;
}

/**
 * The whole PATCH body of a stage with `changes` written in. The colour goes back as read even when it is
 * not one of the 21 the docs list for POST/PATCH (default stages come as #99ccff, #ffff99, …): the client
 * sends what it read, and sending it back unchanged is not choosing a colour (READINGS R-STAGE-4).
 * `descriptions` are not sent: the client sends them only when read `with=descriptions`, and the docs
 * delete one only when it is named with its id and no text.
 */
export function statusBody(status: StatusDto, changes: { name?: string; sort?: number } = {}): StatusBody {
  const body: StatusBody = {
    name: changes.name ?? status.name,
    sort: changes.sort ?? status.sort,
    request_id: REQUEST_ID,
  };
  if (typeof status.color === 'string' && status.color) body.color = status.color;
  return body;
}

/** A pipeline PATCH body (PipelineModel::toApi of a read pipeline; stages go only with a new pipeline). */
export interface PipelineBody {
  name: string;
  sort: number;
  is_main: boolean;
  is_unsorted_on: boolean;
  request_id: string;
}

/** The whole PATCH body of a pipeline with `changes` written in. `is_archive` is not writable (reference §7.2). */
export function pipelineBody(
  pipeline: PipelineDto,
  changes: { name?: string; sort?: number; is_unsorted_on?: boolean } = {},
): PipelineBody {
  return {
    name: changes.name ?? pipeline.name,
    sort: changes.sort ?? pipeline.sort,
    is_main: pipeline.is_main,
    is_unsorted_on: changes.is_unsorted_on ?? pipeline.is_unsorted_on,
    request_id: REQUEST_ID,
  };
}

/** The rights of a role PATCH: RightModel::toApi's keys, `catalog_rights` included. */
export type RoleRightsBody = CompleteRights & { catalog_rights?: unknown[] | null };

/** A role PATCH body (RoleModel::toApi: `name`, `rights`, `request_id`; no `id`). */
export interface RoleBody {
  name: string;
  rights: RoleRightsBody;
  request_id: string;
}

/**
 * The whole PATCH body of a role: its name, and its complete rights with only the named actions changed.
 * `catalog_rights` (which toApi always sends, null when unset) goes back as read — and only when the role
 * was read with it: an account that does not show it has nothing there a null could keep.
 */
export function roleBody(role: RoleDto, rights: CompleteRights = completeRights(role.rights)): RoleBody {
  const out: RoleRightsBody = { ...rights };
  if ('catalog_rights' in role.rights) out.catalog_rights = structuredClone(role.rights.catalog_rights ?? null);
  return { name: role.name, rights: out, request_id: REQUEST_ID };
}
