/**
 * Builders for the only writes a fix may make — all documented in API v4 (reference §4–§6):
 * create / patch a custom field, patch a role, patch a pipeline, create / rename a stage, and,
 * for undo only, delete a created stage or field. Each returns an Op whose `before` is exactly
 * what the target held on the keys the op changes.
 */
import type {
  CustomFieldDto,
  EntityRights,
  FieldEntity,
  PipelineDto,
  RequiredStatusDto,
  RoleDto,
  RoleRightsDto,
  StatusDto,
} from '../api/dto';
import type { Message } from '../audit/types';
import type { Op } from './types';
import { project } from './value';

/** A stage a field is required at, as sent. */
export type RequiredEntry = RequiredStatusDto;

/** Body of a new custom field (POST item). */
export interface NewField {
  name: string;
  type: string;
  enums?: { value: string; sort: number }[];
  required_statuses?: RequiredEntry[];
}

/** POST /api/v4/{entity}/custom_fields with one field (the endpoint takes a batch array). */
export function createField(entity: FieldEntity, field: NewField, summary: Message): Op {
  return {
    method: 'POST',
    path: `/api/v4/${entity}/custom_fields`,
    body: [field],
    before: null,
    summary,
    target: { kind: 'field', entity, id: null, name: field.name },
  };
}

/** Only the keys a field PATCH may carry here. */
export interface FieldChanges {
  name?: string;
  /** Existing options must carry their `id`, or the API deletes them and makes new ones. */
  enums?: { id?: number; value: string; sort: number }[];
  required_statuses?: RequiredEntry[];
}

/** PATCH /api/v4/{entity}/custom_fields/{id} (the API answers 201). */
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
  const before = project({ ...field, required_statuses: field.required_statuses ?? [] }, changes);
  const op: Op = {
    method: 'PATCH',
    path: `/api/v4/${entity}/custom_fields/${field.id}`,
    body: changes,
    before,
    summary,
    target: { kind: 'field', entity, id: field.id, name: field.name },
  };
  if (restore !== undefined) op.restore = restore;
  return op;
}

/** PATCH only `required_statuses` of a field. */
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

/** The part of a role's rights a fix changes. */
export type RightsPatch = Partial<Record<'leads' | 'contacts' | 'companies', Partial<EntityRights>>> &
  Pick<RoleRightsDto, 'mail_access'>;

/** PATCH /api/v4/roles/{id} with part of its rights (the API merges blocks and answers 202). */
export function patchRole(role: RoleDto, rights: RightsPatch, summary: Message): Op {
  const body = { rights };
  return {
    method: 'PATCH',
    path: `/api/v4/roles/${role.id}`,
    body,
    before: project(role, body),
    summary,
    target: { kind: 'role', id: role.id },
  };
}

/** PATCH /api/v4/leads/pipelines/{id}. */
export function patchPipeline(
  pipeline: PipelineDto,
  changes: { is_unsorted_on?: boolean; name?: string },
  summary: Message,
): Op {
  return {
    method: 'PATCH',
    path: `/api/v4/leads/pipelines/${pipeline.id}`,
    body: changes,
    before: project(pipeline, changes),
    summary,
    target: { kind: 'pipeline', id: pipeline.id },
  };
}

/** POST /api/v4/leads/pipelines/{id}/statuses with one stage (200). Undo removes it only while no deal is in it. */
export function createStatus(
  pipeline: PipelineDto,
  status: { name: string; sort: number; color?: string },
  summary: Message,
): Op {
  return {
    method: 'POST',
    path: `/api/v4/leads/pipelines/${pipeline.id}/statuses`,
    body: [status],
    before: null,
    summary,
    target: { kind: 'status', pipelineId: pipeline.id, id: null, name: status.name },
    undoGuard: 'empty-status',
  };
}

/** PATCH /api/v4/leads/pipelines/{pid}/statuses/{id} with a new name (the only change 142/143 accept). */
export function renameStatus(pipeline: PipelineDto, status: StatusDto, name: string, summary: Message): Op {
  return {
    method: 'PATCH',
    path: `/api/v4/leads/pipelines/${pipeline.id}/statuses/${status.id}`,
    body: { name },
    before: { name: status.name },
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
