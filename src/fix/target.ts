/**
 * An op's target as a request path, and the check that a journaled target is one a fix can have
 * made. Undo builds every request from here — never from a path stored in the journal — so an edited
 * journal can name only a field, role, pipeline or stage of this account, under /api/v4/.
 */
import { FIELD_ENTITIES } from '../api/dto';
import type { FieldEntity } from '../api/dto';
import type { OpTarget } from './types';

const ENTITIES = FIELD_ENTITIES;

function isId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
}

function isName(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 1000;
}

/** The target when it has exactly a target's shape (ids positive integers, a known entity), else null. */
export function checkedTarget(v: unknown): OpTarget | null {
  if (typeof v !== 'object' || v === null) return null;
  const t = v as Record<string, unknown>;
  const idOrNull = t['id'] === null || isId(t['id']);
  switch (t['kind']) {
    case 'field':
      return ENTITIES.includes(t['entity'] as FieldEntity) && idOrNull && isName(t['name'])
        ? {
            kind: 'field',
            entity: t['entity'] as FieldEntity,
            id: t['id'] as number | null,
            name: t['name'] as string,
          }
        : null;
    // A role or pipeline a document creates is named (id null until the answer gives it).
    case 'role':
    case 'pipeline': {
      if (!idOrNull || (t['id'] === null && !isName(t['name']))) return null;
      const kind = t['kind'];
      const id = t['id'] as number | null;
      return isName(t['name']) ? { kind, id, name: t['name'] } : { kind, id };
    }
    case 'status':
      return isId(t['pipelineId']) && idOrNull && isName(t['name'])
        ? { kind: 'status', pipelineId: t['pipelineId'], id: t['id'] as number | null, name: t['name'] as string }
        : null;
    default:
      return null;
  }
}

/**
 * The keys undo may write back to each kind of target: those of the whole bodies the fixes send
 * (src/fix/bodies.ts, the official client's `toApi` key sets).
 */
export const RESTORABLE_KEYS: Readonly<Record<OpTarget['kind'], readonly string[]>> = {
  field: [
    'type',
    'id',
    'name',
    'code',
    'sort',
    'group_id',
    'is_api_only',
    'required_statuses',
    'enums',
    'remind',
    'currency',
    'chained_lists',
    'request_id',
  ],
  role: ['name', 'rights', 'request_id'],
  pipeline: ['name', 'sort', 'is_main', 'is_unsorted_on', 'request_id'],
  status: ['name', 'sort', 'color', 'request_id'],
};

/**
 * True when a body writes only keys a fix may write back to that kind of target — and, when it names an
 * `id` (a field body does), the target's own id: an edited journal cannot aim a body at another object.
 */
export function restorableBody(kind: OpTarget['kind'], body: unknown, id?: number | null): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const keys = Object.keys(body);
  if ('id' in body && (body as { id: unknown }).id !== id) return false;
  return keys.length > 0 && keys.every((k) => RESTORABLE_KEYS[kind].includes(k));
}

/** The object's own path (a target with an id). */
export function targetPath(t: OpTarget & { id: number }): string {
  // (Creates of roles and pipelines are journaled by name; their path is known once the id is.)
  switch (t.kind) {
    case 'field':
      return `/api/v4/${t.entity}/custom_fields/${t.id}`;
    case 'role':
      return `/api/v4/roles/${t.id}`;
    case 'pipeline':
      return `/api/v4/leads/pipelines/${t.id}`;
    case 'status':
      return `/api/v4/leads/pipelines/${t.pipelineId}/statuses/${t.id}`;
  }
}
