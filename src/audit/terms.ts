/**
 * The checklist's "Terms", as functions over wire data. Rules use these instead of
 * re-deriving them, so every rule agrees on what "active user" or "entry stage" means.
 */
import type { CustomFieldDto, PipelineDto, StatusDto, UserDto } from '../api/dto';
import { STATUS_LOST, STATUS_WON } from '../api/dto';
import { normalizeName } from './normalize';

/** The entities whose rights (view, edit, add, delete, export) roles and users carry, in the order shown everywhere. */
export const RIGHT_ENTITIES = ['leads', 'contacts', 'companies'] as const;
/** An entity with the five rights. */
export type RightEntity = (typeof RIGHT_ENTITIES)[number];

/** Below this many people a team needs no second admin and no roles: per-person settings are still manageable. */
export const MIN_TEAM = 3;

/**
 * Name fragments (normalised) that mark a deal's source field in the product's languages (ru, en, es, pt, tr) and
 * Indonesian, which Kommo speaks too. Each language's words are there so the field its fix creates («Fuente»,
 * «Origem», «Kaynak») passes the rule that asked for it, and an account's own «Canal»/«Kanal» is recognised.
 */
export const SOURCE_WORDS = [
  'источник',
  'source',
  'канал',
  'channel',
  'fuente',
  'canal',
  'origem',
  'fonte',
  'kaynak',
  'kanal',
  'sumber',
  'saluran',
] as const;

/** A list field whose name says it records where a deal came from. */
export function isSourceField(field: CustomFieldDto): boolean {
  const name = normalizeName(field.name);
  return isListField(field) && SOURCE_WORDS.some((w) => name.includes(w));
}

/** Active: `is_active` true and `is_free` false (free users cannot work in the CRM). */
export function isActiveUser(user: UserDto): boolean {
  return user.rights.is_active === true && user.rights.is_free !== true;
}

/** Active users, in the API's order. */
export function activeUsers(users: readonly UserDto[]): UserDto[] {
  return users.filter(isActiveUser);
}

/** Active admins. */
export function activeAdmins(users: readonly UserDto[]): UserDto[] {
  return users.filter((u) => isActiveUser(u) && u.rights.is_admin);
}

/** Active non-admin users. */
export function activeNonAdmins(users: readonly UserDto[]): UserDto[] {
  return users.filter((u) => isActiveUser(u) && !u.rights.is_admin);
}

/** Sorts stages by `sort`, ties by id, without touching the input. */
function bySort(statuses: readonly StatusDto[]): StatusDto[] {
  return [...statuses].sort((a, b) => a.sort - b.sort || a.id - b.id);
}

/** Statuses of a pipeline ordered by `sort`. */
export function stagesOf(pipeline: PipelineDto): StatusDto[] {
  return bySort(pipeline._embedded?.statuses ?? []);
}

/** Working stages: type 0, neither 142 nor 143, in `sort` order. */
export function workingStages(pipeline: PipelineDto): StatusDto[] {
  return stagesOf(pipeline).filter((s) => s.type === 0 && s.id !== STATUS_WON && s.id !== STATUS_LOST);
}

/** The first working stage, where new deals land when unsorted is off. */
export function entryStage(pipeline: PipelineDto): StatusDto | undefined {
  return workingStages(pipeline)[0];
}

/** The unsorted stage (`type` 1), if the pipeline has one. */
export function unsortedStage(pipeline: PipelineDto): StatusDto | undefined {
  return stagesOf(pipeline).find((s) => s.type === 1);
}

/** Pipelines that are not archived, ordered by `sort`. */
export function activePipelines(pipelines: readonly PipelineDto[]): PipelineDto[] {
  return [...pipelines].filter((p) => !p.is_archive).sort((a, b) => a.sort - b.sort || a.id - b.id);
}

/** The main pipeline (`is_main`); falls back to the first active one if the flag is missing everywhere. */
export function mainPipeline(pipelines: readonly PipelineDto[]): PipelineDto | undefined {
  return pipelines.find((p) => p.is_main) ?? activePipelines(pipelines)[0];
}

/** True when the pipeline has a status with that id. */
export function hasStatus(pipeline: PipelineDto, statusId: number): boolean {
  return (pipeline._embedded?.statuses ?? []).some((s) => s.id === statusId);
}

/** List types: their values are options (`enums`). */
export function isListField(field: CustomFieldDto): boolean {
  return field.type === 'select' || field.type === 'multiselect' || field.type === 'radiobutton';
}

/** Required stages of a field; `null` and `[]` both mean "required nowhere". */
export function requiredStatuses(field: CustomFieldDto): { pipeline_id: number; status_id: number }[] {
  return field.required_statuses ?? [];
}

export { FIELD_PARTS, type FieldPartName } from '../snapshot/types';
