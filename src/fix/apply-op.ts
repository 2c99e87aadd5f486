/**
 * Sending one op and settling it: a write whose answer was lost (`outcomeUnknown`) is settled by
 * reading the target back before anything else happens — applied if the target now holds what was
 * written, failed otherwise. Also builds the op's inverse for the journal.
 */
import type { ApiClient } from '../api/client';
import { ApiError, NotFoundError, ValidationError, isAbortError, toPartFailure } from '../api/errors';
import type { CustomFieldDto, StatusDto } from '../api/dto';
import type { PartFailure } from '../snapshot/types';
import type { Op, OpTarget } from './types';
import { holds, sameValue } from './value';
import { abortableSleep, realSleep } from '../api/throttle';

/** Why an op failed, for display: the API's kind/status/message and its validation details. */
export interface OpError extends PartFailure {
  /** `path code (detail)` lines of a 400 validation-errors body. */
  details?: string[];
}

/** What sending an op came to. */
export type OpSettled =
  | { ok: true; response: unknown; createdId?: number; settledByReRead: boolean }
  | { ok: false; error: OpError; cause: unknown };

/** The client error as an OpError. */
export function opError(err: unknown): OpError {
  const failure = toPartFailure(err);
  if (err instanceof ValidationError && err.errors.length) {
    return { ...failure, details: err.errors.map((e) => `${e.path} ${e.code}${e.detail ? ` (${e.detail})` : ''}`) };
  }
  return failure;
}

/** The body without `request_id`: the client's tag for matching answers to items, never stored on the target. */
function withoutRequestId(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value) || !('request_id' in value)) return value;
  const { request_id: _tag, ...rest } = value as Record<string, unknown>;
  return rest;
}

/** What the op writes, as the target would show it (POST bodies are one-item batches). */
export function writtenValue(op: Op): unknown {
  const value = withoutRequestId(op.method === 'POST' && Array.isArray(op.body) ? op.body[0] : op.body);
  // A created pipeline comes back renumbered (sort), with stage ids and the unsorted stage the server adds,
  // and the docs' own example echoes other flags than were sent: it is recognised by its name.
  if (op.method === 'POST' && op.target?.kind === 'pipeline' && value && typeof value === 'object') {
    return { name: (value as { name?: unknown }).name };
  }
  return value;
}

async function getOrNull<T>(client: ApiClient, path: string, signal?: AbortSignal): Promise<T | null> {
  try {
    return await client.get<T>(path, { signal });
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}

/** Reads the target's current state; null when it does not exist (or, for a create, was not found by name). */
export async function readTarget(
  client: ApiClient,
  target: OpTarget,
  signal?: AbortSignal,
): Promise<Record<string, unknown> | null> {
  switch (target.kind) {
    case 'field': {
      if (target.id !== null) return getOrNull(client, `/api/v4/${target.entity}/custom_fields/${target.id}`, signal);
      const all = await client.list<CustomFieldDto>(`/api/v4/${target.entity}/custom_fields`, 'custom_fields', {
        signal,
      });
      // The newest field of that name: the one a lost POST would have created.
      return (all.filter((f) => f.name === target.name).sort((a, b) => b.id - a.id)[0] ?? null) as unknown as Record<
        string,
        unknown
      > | null;
    }
    case 'role':
      if (target.id !== null) return getOrNull(client, `/api/v4/roles/${target.id}`, signal);
      return newestNamed(await client.list<{ id: number; name: string }>('/api/v4/roles', 'roles', { signal }), target);
    case 'pipeline':
      if (target.id !== null) return getOrNull(client, `/api/v4/leads/pipelines/${target.id}`, signal);
      return newestNamed(
        await client.list<{ id: number; name: string }>('/api/v4/leads/pipelines', 'pipelines', { signal }),
        target,
      );
    case 'status': {
      const base = `/api/v4/leads/pipelines/${target.pipelineId}/statuses`;
      if (target.id !== null) return getOrNull(client, `${base}/${target.id}`, signal);
      const all = await client.list<StatusDto>(base, 'statuses', { signal });
      return (all.filter((s) => s.name === target.name).sort((a, b) => b.id - a.id)[0] ?? null) as unknown as Record<
        string,
        unknown
      > | null;
    }
  }
}

// The newest object of that name: the one a lost POST would have created.
function newestNamed(all: { id: number; name: string }[], target: { name?: string }): Record<string, unknown> | null {
  return (all.filter((x) => x.name === target.name).sort((a, b) => b.id - a.id)[0] ?? null) as Record<
    string,
    unknown
  > | null;
}

/** The `_embedded` collection a create answers with, per target kind. */
const CREATED_IN: Record<OpTarget['kind'], string> = {
  field: 'custom_fields',
  status: 'statuses',
  pipeline: 'pipelines',
  role: 'roles',
};

function createdIdOf(op: Op, response: unknown): number | undefined {
  const embedded = (response as { _embedded?: Record<string, { id?: unknown }[]> } | null)?._embedded;
  const list = op.target ? embedded?.[CREATED_IN[op.target.kind]] : undefined;
  const id = list?.[0]?.id;
  return typeof id === 'number' ? id : undefined;
}

async function send(client: ApiClient, op: Op, signal?: AbortSignal): Promise<unknown> {
  switch (op.method) {
    case 'POST':
      return client.post(op.path, op.body, { signal });
    case 'PATCH':
      return client.patch(op.path, op.body, { signal });
    case 'DELETE':
      return client.delete(op.path, { signal });
  }
}

/**
 * When to read an unknown write's target back, ms after the failure. A request that timed out on our
 * side may still be queued on the server and land a moment later: one immediate read would call it
 * failed while the account ends up changed, so the executor keeps looking for a few seconds.
 */
export const SETTLE_READS_MS = [0, 500, 1500, 3000];

/** Sends the op; on an unknown outcome reads the target back (a few times) and reports what it turned out to be. */
export async function applyOp(
  client: ApiClient,
  op: Op,
  signal?: AbortSignal,
  settleReadsMs: readonly number[] = SETTLE_READS_MS,
): Promise<OpSettled> {
  try {
    const response = await send(client, op, signal);
    const createdId = op.method === 'POST' ? createdIdOf(op, response) : undefined;
    return { ok: true, response, settledByReRead: false, ...(createdId === undefined ? {} : { createdId }) };
  } catch (err) {
    if (isAbortError(err)) throw err;
    if (!(err instanceof ApiError) || !err.outcomeUnknown || !op.target)
      return { ok: false, error: opError(err), cause: err };
    let current: Record<string, unknown> | null = null;
    let landed = false;
    let waited = 0;
    for (const at of settleReadsMs) {
      if (at > waited) await abortableSleep(realSleep, at - waited, signal);
      waited = at;
      try {
        current = await readTarget(client, op.target, signal);
      } catch (readErr) {
        if (isAbortError(readErr)) throw readErr;
        continue;
      }
      landed = op.method === 'DELETE' ? current === null : current !== null && holds(current, writtenValue(op));
      if (landed) break;
    }
    if (!landed) return { ok: false, error: opError(err), cause: err };
    const createdId = op.method === 'POST' && typeof current?.['id'] === 'number' ? current['id'] : undefined;
    return { ok: true, response: current, settledByReRead: true, ...(createdId === undefined ? {} : { createdId }) };
  }
}

/**
 * What undo writes back for a PATCH (the target as read, or `restore` where the API cannot hold that);
 * null when it equals what the op writes (nothing to restore) and for creates (undone by deleting).
 */
export function restoreOf(op: Op): unknown {
  if (op.method !== 'PATCH') return null;
  const back = op.restore ?? op.before;
  return sameValue(back, op.body) ? null : back;
}

/** The target as the journal should address it once the op created it. */
export function withCreatedId(target: OpTarget | undefined, createdId: number | undefined): OpTarget | undefined {
  if (!target || createdId === undefined || target.id !== null) return target;
  return { ...target, id: createdId };
}
