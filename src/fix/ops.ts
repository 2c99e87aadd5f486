/**
 * Builders for the only writes a fix may make — all documented in API v4 (reference §4–§6):
 * create / patch a custom field, patch a role, patch a pipeline, create / rename a stage, and,
 * for undo only, delete a created stage or field. Bodies are whole, as the official PHP client sends
 * them (RightModel::toApi, CustomFieldModel/WithEnumCustomFieldModel, StatusModel::toApi), because the
 * docs never say a PATCH merges. Each returns an Op whose `before` is what the target held, in the
 * body's shape — what undo writes back.
 */
import type {
  CustomFieldDto,
  FieldEntity,
  PipelineDto,
  RequiredStatusDto,
  RoleDto,
  RoleRightsDto,
  StatusDto,
} from '../api/dto';
import { STATUS_LOST, STATUS_WON } from '../api/dto';
import type { Message } from '../audit/types';
import { type FieldChanges, REQUEST_ID, fieldBody, pipelineBody, roleBody, statusBody } from './bodies';
import { isStatusColor, nextStatusColor } from './palette';
import { completeRights, type RightsChanges } from './rights';
import type { Op } from './types';

/** An op the API would refuse or that would harm the account: the builder does not make it. */
export class OpRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpRefusedError';
  }
}

/** A stage a field is required at, as sent. */
export type RequiredEntry = RequiredStatusDto;

/** Body of a new custom field (POST item). */
export interface NewField {
  name: string;
  type: string;
  /** Field group id (a string); absent = the entity's default group. */
  group_id?: string;
  enums?: { value: string; sort: number }[];
  required_statuses?: RequiredEntry[];
}

/**
 * POST /api/v4/{entity}/custom_fields with one field (the endpoint takes a batch array). As
 * CustomFieldModel::toApi sends a new field: `type`, `name`, the keys set, and `request_id` (its index).
 */
export function createField(entity: FieldEntity, field: NewField, summary: Message): Op {
  return {
    method: 'POST',
    path: `/api/v4/${entity}/custom_fields`,
    body: [{ ...field, request_id: REQUEST_ID }],
    before: null,
    summary,
    target: { kind: 'field', entity, id: null, name: field.name },
  };
}

export type { EnumSent, FieldBody, FieldChanges } from './bodies';

/**
 * PATCH /api/v4/{entity}/custom_fields/{id} (the API answers 201) with the field's whole body
 * (bodies.ts: CustomFieldModel::toApi of the field as read, with `changes` written in).
 */
export function patchField(
  entity: FieldEntity,
  field: CustomFieldDto,
  changes: FieldChanges,
  summary: Message,
  restore?: FieldChanges,
): Op {
  if (changes.enums) {
    const kept = new Set(changes.enums.map((e) => e.id).filter((id) => id !== undefined));
    const dropped = (field.enums ?? []).filter((e) => !kept.has(e.id));
    // Sending an existing option without its id silently deletes it (and its values on deals).
    if (dropped.some((e) => changes.enums!.some((n) => n.id === undefined && n.value === e.value))) {
      throw new Error(`patchField: option of field ${field.id} sent without its id`);
    }
  }
  // The field as read: undo writes it back whole (a move between groups is undone by moving back).
  const before = fieldBody(field);
  const op: Op = {
    method: 'PATCH',
    path: `/api/v4/${entity}/custom_fields/${field.id}`,
    body: fieldBody(field, changes),
    before,
    summary,
    target: { kind: 'field', entity, id: field.id, name: field.name },
  };
  // Undo writes the field back whole: as read, except what `restore` says the API can hold again.
  if (restore !== undefined) op.restore = fieldBody(field, { ...restore, enums: restore.enums ?? before.enums });
  return op;
}

/** PATCH a field's `required_statuses` (sent with its name and options, as every field PATCH is). */
export function patchRequiredStatuses(
  entity: FieldEntity,
  field: CustomFieldDto,
  next: RequiredEntry[],
  summary: Message,
  restore?: RequiredEntry[],
): Op {
  return patchField(
    entity,
    field,
    { required_statuses: next },
    summary,
    restore === undefined ? undefined : { required_statuses: restore },
  );
}

/** The part of a role's rights a fix changes (the rest is sent as read). */
export type RightsPatch = RightsChanges;

/**
 * PATCH /api/v4/roles/{id} (202) with the role's complete rights: every block and action as read except
 * the ones `rights` names, clamped by their dependencies. A replacing PATCH then changes only those;
 * undo sends the rights back exactly as read.
 */
export function patchRole(role: RoleDto, rights: RightsPatch, summary: Message): Op {
  return {
    method: 'PATCH',
    path: `/api/v4/roles/${role.id}`,
    body: roleBody(role, completeRights(role.rights, rights)),
    before: roleBody(role),
    summary,
    target: { kind: 'role', id: role.id },
  };
}

/**
 * PATCH /api/v4/leads/pipelines/{id} with the pipeline's whole body (PipelineModel::toApi: name, sort,
 * is_main, is_unsorted_on, request_id; stages only when a pipeline is created).
 */
export function patchPipeline(
  pipeline: PipelineDto,
  changes: { is_unsorted_on?: boolean; name?: string },
  summary: Message,
): Op {
  return {
    method: 'PATCH',
    path: `/api/v4/leads/pipelines/${pipeline.id}`,
    body: pipelineBody(pipeline, changes),
    before: pipelineBody(pipeline),
    summary,
    target: { kind: 'pipeline', id: pipeline.id },
  };
}

/**
 * POST /api/v4/leads/pipelines/{id}/statuses with one stage (200), with a documented colour (the
 * palette) unless one is given. Undo removes it only while no deal is in it.
 */
export function createStatus(
  pipeline: PipelineDto,
  status: { name: string; sort: number; color?: string },
  summary: Message,
): Op {
  const used = (pipeline._embedded?.statuses ?? []).map((s) => s.color);
  // Stages a plan adds are 10 sorts apart: the sort spreads them over the free colours.
  const color = status.color ?? nextStatusColor(used, Math.round(status.sort / 10));
  if (!isStatusColor(color)) throw new OpRefusedError(`createStatus: ${color} is not a documented stage colour`);
  return {
    method: 'POST',
    path: `/api/v4/leads/pipelines/${pipeline.id}/statuses`,
    body: [{ name: status.name, sort: status.sort, color, request_id: REQUEST_ID }],
    before: null,
    summary,
    target: { kind: 'status', pipelineId: pipeline.id, id: null, name: status.name },
    undoGuard: 'empty-status',
  };
}

/** True for the stages the API marks not editable: unsorted (type 1), 142 and 143. */
export function isSystemStatus(status: StatusDto): boolean {
  return status.id === STATUS_WON || status.id === STATUS_LOST || status.type === 1 || status.is_editable === false;
}

/**
 * PATCH /api/v4/leads/pipelines/{pid}/statuses/{id} with a new name, in the stage's whole body
 * (StatusModel::toApi: name, sort, color, request_id). Refuses 142, 143 and the unsorted stage: they come
 * back `is_editable: false` and the docs name them only when a pipeline is created.
 */
export function renameStatus(pipeline: PipelineDto, status: StatusDto, name: string, summary: Message): Op {
  if (isSystemStatus(status)) {
    throw new OpRefusedError(`renameStatus: stage ${status.id} of pipeline ${pipeline.id} is a system stage`);
  }
  return {
    method: 'PATCH',
    path: `/api/v4/leads/pipelines/${pipeline.id}/statuses/${status.id}`,
    body: statusBody(status, { name }),
    before: statusBody(status),
    summary,
    target: { kind: 'status', pipelineId: pipeline.id, id: status.id, name: status.name },
  };
}

/** DELETE /api/v4/leads/pipelines/{pid}/statuses/{id} (204) — undo of a created stage only. */
export function deleteStatus(pipelineId: number, statusId: number, name: string, summary: Message): Op {
  return {
    method: 'DELETE',
    path: `/api/v4/leads/pipelines/${pipelineId}/statuses/${statusId}`,
    body: undefined,
    before: null,
    summary,
    target: { kind: 'status', pipelineId, id: statusId, name },
  };
}

/** DELETE /api/v4/{entity}/custom_fields/{id} (204) — undo of a created field only. */
export function deleteField(entity: FieldEntity, fieldId: number, name: string, summary: Message): Op {
  return {
    method: 'DELETE',
    path: `/api/v4/${entity}/custom_fields/${fieldId}`,
    body: undefined,
    before: null,
    summary,
    target: { kind: 'field', entity, id: fieldId, name },
  };
}

/** A stage of a new pipeline: a working one, or 142/143 named at creation (the only time the docs allow it). */
export type NewPipelineStatus = { name: string; sort: number; color: string } | { id: 142 | 143; name: string };

/** Body of a new pipeline (all four keys are required by the POST). */
export interface NewPipeline {
  name: string;
  sort: number;
  is_main: boolean;
  is_unsorted_on: boolean;
  _embedded: { statuses: NewPipelineStatus[] };
}

/**
 * POST /api/v4/leads/pipelines with one pipeline and its stages in one request (200; reference §6,
 * addendum §7.1), as PipelineModel::toApi sends a new one: its four keys, the stages (each StatusModel::toApi
 * with its index as `request_id`, `id` only for 142/143) and `request_id`. Undo deletes it only while no deal is in it.
 */
export function createPipeline(pipeline: NewPipeline, summary: Message): Op {
  const statuses = pipeline._embedded.statuses.map((s, i) => ({ ...s, request_id: String(i) }));
  return {
    method: 'POST',
    path: '/api/v4/leads/pipelines',
    body: [{ ...pipeline, _embedded: { statuses }, request_id: REQUEST_ID }],
    before: null,
    summary,
    target: { kind: 'pipeline', id: null, name: pipeline.name },
    undoGuard: 'empty-pipeline',
  };
}

/** DELETE /api/v4/leads/pipelines/{id} (204) — undo of a created pipeline only. */
export function deletePipeline(pipelineId: number, name: string, summary: Message): Op {
  return {
    method: 'DELETE',
    path: `/api/v4/leads/pipelines/${pipelineId}`,
    body: undefined,
    before: null,
    summary,
    target: { kind: 'pipeline', id: pipelineId, name },
  };
}

/**
 * PATCH /api/v4/leads/pipelines/{pid}/statuses/{id} with a new name and/or sort in the stage's whole body
 * (200); never 142, 143 or unsorted.
 */
export function patchStatus(
  pipeline: PipelineDto,
  status: StatusDto,
  changes: { name?: string; sort?: number },
  summary: Message,
): Op {
  if (status.id === 142 || status.id === 143 || status.type === 1) {
    throw new Error(`patchStatus: system stage ${status.id} is not editable`);
  }
  return {
    method: 'PATCH',
    path: `/api/v4/leads/pipelines/${pipeline.id}/statuses/${status.id}`,
    body: statusBody(status, changes),
    before: statusBody(status),
    summary,
    target: { kind: 'status', pipelineId: pipeline.id, id: status.id, name: status.name },
  };
}

/** POST /api/v4/roles with one role and its complete rights, as an array as the PHP client sends it (201). */
export function createRole(role: { name: string; rights: RoleRightsDto }, summary: Message): Op {
  return {
    method: 'POST',
    path: '/api/v4/roles',
    body: [{ name: role.name, rights: role.rights, request_id: REQUEST_ID }],
    before: null,
    summary,
    target: { kind: 'role', id: null, name: role.name },
    undoGuard: 'unused-role',
  };
}

/**
 * PATCH /api/v4/roles/{id} with the role's whole body: its name and the complete rights object (every
 * block, every action, stage rights as given), as RoleModel::toApi sends it.
 */
export function patchRoleRights(role: RoleDto, rights: RoleRightsDto, summary: Message): Op {
  return {
    method: 'PATCH',
    path: `/api/v4/roles/${role.id}`,
    body: roleBody(role, completeRights(rights)),
    before: roleBody(role),
    summary,
    target: { kind: 'role', id: role.id, name: role.name },
  };
}

/** DELETE /api/v4/roles/{id} (204) — undo of a created role only. */
export function deleteRole(roleId: number, name: string, summary: Message): Op {
  return {
    method: 'DELETE',
    path: `/api/v4/roles/${roleId}`,
    body: undefined,
    before: null,
    summary,
    target: { kind: 'role', id: roleId, name },
  };
}
