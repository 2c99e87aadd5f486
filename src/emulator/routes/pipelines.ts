/**
 * Pipelines and statuses. System stages: unsorted (type 1, sort 10, shown iff is_unsorted_on),
 * 142/143 (type 0, not editable, sort 10000/11000) in every pipeline. Limits: 50 pipelines,
 * 100 statuses per pipeline including system ones.
 */
import { arrayBody, idParam, isObject, objectBody, requireAdmin, route } from '../router';
import type { Ctx, Route } from '../router';
import { Problem, arrayListResponse, assertValid, hal, noContent, withSet } from '../http';
import type { ValidationIssue } from '../http';
import { LOST, WON, isSystemStatus, nextId, visibleStatuses } from '../store';
import type { PipelineRecord, StatusRecord, Store } from '../store';
import { pipelineOut, statusOut } from '../serialize';

/** Most pipelines an account may have. */
export const MAX_PIPELINES = 50;
/** Most statuses a pipeline may have, system ones included. */
export const MAX_STATUSES = 100;

/**
 * The colours the docs list for stage POST/PATCH (reference §6; StatusModel::COLORS). The system and default
 * colours the API returns itself (#c1c1c1, #CCFF66, #99ccff, …) are not in it (READINGS R-STAGE-4).
 */
export const STATUS_COLORS = [
  '#fffeb2',
  '#fffd7f',
  '#fff000',
  '#ffeab2',
  '#ffdc7f',
  '#ffce5a',
  '#ffdbdb',
  '#ffc8c8',
  '#ff8f92',
  '#d6eaff',
  '#c1e0ff',
  '#98cbff',
  '#ebffb1',
  '#deff81',
  '#87f2c0',
  '#f9deff',
  '#f3beff',
  '#ccc8f9',
  '#eb93ff',
  '#f2f3f4',
  '#e6e8ea',
];

/** What a stage PATCH leaves out becomes (READINGS R-STAGE-9): the palette's first colour. */
export const DEFAULT_STATUS_COLOR = STATUS_COLORS[0]!;
/** What a pipeline PATCH without `sort` stores (READINGS R-PIPE-1): PipelineModel's default. */
export const DEFAULT_PIPELINE_SORT = 100;

/** The three system stages of a new pipeline. */
export function systemStatuses(store: Store, names?: { won?: string; lost?: string }): StatusRecord[] {
  return [
    {
      id: nextId(store, 'status'),
      name: 'Неразобранное',
      sort: 10,
      is_editable: false,
      color: '#c1c1c1',
      type: 1,
      descriptions: [],
    },
    {
      id: WON,
      name: names?.won ?? 'Успешно реализовано',
      sort: 10000,
      is_editable: false,
      color: '#CCFF66',
      type: 0,
      descriptions: [],
    },
    {
      id: LOST,
      name: names?.lost ?? 'Закрыто и не реализовано',
      sort: 11000,
      is_editable: false,
      color: '#D5D8DB',
      type: 0,
      descriptions: [],
    },
  ];
}

function findPipeline(ctx: Ctx, key = 'id'): PipelineRecord {
  const p = ctx.store.pipelines.find((x) => x.id === idParam(ctx, key));
  if (!p) throw new Problem(404, 'Pipeline not found');
  return p;
}

function findStatus(ctx: Ctx, p: PipelineRecord): StatusRecord {
  const s = p.statuses.find((x) => x.id === idParam(ctx, 'id'));
  if (!s || (s.type === 1 && !p.is_unsorted_on)) throw new Problem(404, 'Status not found');
  return s;
}

function checkStatusInput(
  it: Record<string, unknown>,
  creating: boolean,
  errors: ValidationIssue[],
  prefix = '',
  current?: StatusRecord,
): void {
  if (creating || it['name'] !== undefined) {
    if (typeof it['name'] !== 'string' || it['name'].trim() === '')
      errors.push({ code: 'NotBlank', path: `${prefix}name`, detail: 'name is required' });
  }
  if (creating || it['sort'] !== undefined) {
    if (typeof it['sort'] !== 'number' || !Number.isInteger(it['sort']))
      errors.push({ code: 'InvalidType', path: `${prefix}sort`, detail: 'sort must be an integer' });
  }
  // A colour outside the palette is refused — unless it is the stage's own colour sent back unchanged, as
  // the official client sends every stage it read (StatusModel::toApi sends `color` when set).
  const color = it['color'];
  const own = typeof color === 'string' && current !== undefined && color.toLowerCase() === current.color.toLowerCase();
  if (color !== undefined && (typeof color !== 'string' || !(STATUS_COLORS.includes(color.toLowerCase()) || own))) {
    errors.push({
      code: 'NotSupportedChoice',
      path: `${prefix}color`,
      detail: `color ${String(it['color'])} is not allowed`,
    });
  }
}

function newStatus(store: Store, it: Record<string, unknown>): StatusRecord {
  return {
    id: nextId(store, 'status'),
    name: String(it['name']),
    sort: Number(it['sort']),
    is_editable: true,
    color: typeof it['color'] === 'string' ? it['color'] : DEFAULT_STATUS_COLOR,
    type: 0,
    descriptions: [],
  };
}

/** The highest sort among the pipeline's working stages other than `except` (the unsorted stage's 10 when none). */
function lastWorkingSort(p: PipelineRecord, except: StatusRecord): number {
  return p.statuses.filter((x) => x !== except && !isSystemStatus(x)).reduce((m, x) => Math.max(m, x.sort), 10);
}

/** Pipeline and status routes. */
export const pipelineRoutes: Route[] = [
  route('GET', '/api/v4/leads/pipelines', (ctx) =>
    arrayListResponse(
      {
        origin: ctx.origin,
        path: '/api/v4/leads/pipelines',
        query: ctx.query,
        collection: 'pipelines',
        meta: 'total',
        unpaged: true,
      },
      [...ctx.store.pipelines].sort((a, b) => a.sort - b.sort || a.id - b.id),
      (p) => pipelineOut(ctx.store, ctx.origin, p),
    ),
  ),
  route('GET', '/api/v4/leads/pipelines/:id(\\d+)', (ctx) =>
    hal(pipelineOut(ctx.store, ctx.origin, findPipeline(ctx))),
  ),
  route('POST', '/api/v4/leads/pipelines', async (ctx) => {
    requireAdmin(ctx);
    const items = await arrayBody(ctx);
    if (ctx.store.pipelines.length + items.length > MAX_PIPELINES) {
      throw new Problem(400, `Pipelines limit exceeded: at most ${MAX_PIPELINES} pipelines per account`);
    }
    assertValid(
      items.map((it, i) => {
        const errors: ValidationIssue[] = [];
        if (typeof it['name'] !== 'string' || it['name'].trim() === '')
          errors.push({ code: 'NotBlank', path: 'name', detail: 'name is required' });
        if (typeof it['sort'] !== 'number') errors.push({ code: 'NotBlank', path: 'sort', detail: 'sort is required' });
        for (const k of ['is_main', 'is_unsorted_on']) {
          if (typeof it[k] !== 'boolean') errors.push({ code: 'NotBlank', path: k, detail: `${k} is required` });
        }
        const sts =
          isObject(it['_embedded']) && Array.isArray(it['_embedded']['statuses']) ? it['_embedded']['statuses'] : [];
        if (sts.length + 3 > MAX_STATUSES)
          errors.push({
            code: 'TooManyItems',
            path: '_embedded.statuses',
            detail: `at most ${MAX_STATUSES} statuses per pipeline`,
          });
        sts.forEach((s, j) => {
          if (!isObject(s)) {
            errors.push({ code: 'InvalidType', path: `_embedded.statuses.${j}`, detail: 'must be an object' });
            return;
          }
          if (s['id'] === WON || s['id'] === LOST) {
            if (typeof s['name'] !== 'string' || s['name'].trim() === '')
              errors.push({ code: 'NotBlank', path: `_embedded.statuses.${j}.name`, detail: 'name is required' });
          } else checkStatusInput(s, true, errors, `_embedded.statuses.${j}.`);
        });
        return { request_id: String(it['request_id'] ?? i), errors };
      }),
    );
    const created = items.map((it) => {
      const sts = (
        isObject(it['_embedded']) && Array.isArray(it['_embedded']['statuses']) ? it['_embedded']['statuses'] : []
      ) as Record<string, unknown>[];
      const won = sts.find((s) => s['id'] === WON);
      const lost = sts.find((s) => s['id'] === LOST);
      const p: PipelineRecord = {
        id: nextId(ctx.store, 'pipeline'),
        name: String(it['name']),
        sort: Number(it['sort']),
        is_main: it['is_main'] === true,
        is_unsorted_on: it['is_unsorted_on'] === true,
        is_archive: false,
        statuses: [],
      };
      const system = systemStatuses(ctx.store, {
        won: won?.['name'] as string | undefined,
        lost: lost?.['name'] as string | undefined,
      });
      p.statuses = [
        system[0]!,
        ...sts.filter((s) => s !== won && s !== lost).map((s) => newStatus(ctx.store, s)),
        system[1]!,
        system[2]!,
      ];
      if (p.is_main) for (const o of ctx.store.pipelines) o.is_main = false;
      ctx.store.pipelines.push(p);
      const out = pipelineOut(ctx.store, ctx.origin, p);
      if (it['request_id'] !== undefined) out['request_id'] = it['request_id'];
      return out;
    });
    return hal({ _total_items: created.length, _embedded: { pipelines: created } }, 200);
  }),
  route('PATCH', '/api/v4/leads/pipelines/:id(\\d+)', async (ctx) => {
    requireAdmin(ctx);
    const p = findPipeline(ctx);
    const body = await objectBody(ctx);
    const errors: ValidationIssue[] = [];
    if (body['name'] !== undefined && (typeof body['name'] !== 'string' || body['name'].trim() === ''))
      errors.push({ code: 'NotBlank', path: 'name', detail: 'name must be non-empty' });
    if (body['sort'] !== undefined && typeof body['sort'] !== 'number')
      errors.push({ code: 'InvalidType', path: 'sort', detail: 'sort must be an integer' });
    for (const k of ['is_main', 'is_unsorted_on'])
      if (body[k] !== undefined && typeof body[k] !== 'boolean')
        errors.push({ code: 'InvalidType', path: k, detail: `${k} must be boolean` });
    assertValid([{ request_id: String(body['request_id'] ?? 0), errors }]);
    // The PATCH replaces what the official client always sends (READINGS R-PIPE-1): a `sort` left out is
    // PipelineModel's default, an `is_unsorted_on` left out is off. A name left out stays ("at least one of").
    if (typeof body['name'] === 'string') p.name = body['name'];
    p.sort = typeof body['sort'] === 'number' ? body['sort'] : DEFAULT_PIPELINE_SORT;
    p.is_unsorted_on = body['is_unsorted_on'] === true;
    if (body['is_main'] === true) for (const o of ctx.store.pipelines) o.is_main = o === p;
    return hal(pipelineOut(ctx.store, ctx.origin, p));
  }),
  route('DELETE', '/api/v4/leads/pipelines/:id(\\d+)', (ctx) => {
    requireAdmin(ctx);
    const p = findPipeline(ctx);
    if (ctx.store.pipelines.length === 1) throw new Problem(400, 'The last pipeline cannot be deleted');
    if (ctx.store.leads.some((l) => l.pipeline_id === p.id))
      throw new Problem(400, 'A pipeline with leads cannot be deleted');
    ctx.store.pipelines = ctx.store.pipelines.filter((x) => x !== p);
    if (p.is_main) ctx.store.pipelines.sort((a, b) => a.sort - b.sort)[0]!.is_main = true;
    return noContent();
  }),

  route('GET', '/api/v4/leads/pipelines/:pipeline_id(\\d+)/statuses', (ctx) => {
    const p = findPipeline(ctx, 'pipeline_id');
    const w = withSet(ctx.query);
    return arrayListResponse(
      {
        origin: ctx.origin,
        path: `/api/v4/leads/pipelines/${p.id}/statuses`,
        query: ctx.query,
        collection: 'statuses',
        meta: 'total',
        unpaged: true,
      },
      visibleStatuses(p),
      (s) => statusOut(ctx.store, ctx.origin, p, s, w),
    );
  }),
  route('GET', '/api/v4/leads/pipelines/:pipeline_id(\\d+)/statuses/:id(\\d+)', (ctx) => {
    const p = findPipeline(ctx, 'pipeline_id');
    return hal(statusOut(ctx.store, ctx.origin, p, findStatus(ctx, p), withSet(ctx.query)));
  }),
  route('POST', '/api/v4/leads/pipelines/:pipeline_id(\\d+)/statuses', async (ctx) => {
    requireAdmin(ctx);
    const p = findPipeline(ctx, 'pipeline_id');
    const items = await arrayBody(ctx);
    if (p.statuses.length + items.length > MAX_STATUSES) {
      throw new Problem(
        400,
        `Statuses limit exceeded: at most ${MAX_STATUSES} statuses per pipeline, system ones included`,
      );
    }
    assertValid(
      items.map((it, i) => {
        const errors: ValidationIssue[] = [];
        checkStatusInput(it, true, errors);
        return { request_id: String(it['request_id'] ?? i), errors };
      }),
    );
    const created = items.map((it) => {
      const s = newStatus(ctx.store, it);
      p.statuses.push(s);
      const out = statusOut(ctx.store, ctx.origin, p, s, new Set());
      if (it['request_id'] !== undefined) out['request_id'] = it['request_id'];
      return out;
    });
    return hal({ _total_items: created.length, _embedded: { statuses: created } }, 200);
  }),
  route('PATCH', '/api/v4/leads/pipelines/:pipeline_id(\\d+)/statuses/:id(\\d+)', async (ctx) => {
    requireAdmin(ctx);
    const p = findPipeline(ctx, 'pipeline_id');
    const s = findStatus(ctx, p);
    const body = await objectBody(ctx);
    const errors: ValidationIssue[] = [];
    // is_editable is false for unsorted, 142 and 143, and the docs name 142/143 only when a pipeline is
    // created: whether a PATCH is accepted is undocumented, so it is refused (READINGS.md).
    if (s.type === 1) errors.push({ code: 'NotEditable', path: 'id', detail: 'The unsorted stage cannot be changed' });
    else if (s.id === WON || s.id === LOST)
      errors.push({ code: 'NotEditable', path: 'id', detail: 'System statuses 142 and 143 cannot be changed' });
    checkStatusInput(body, false, errors, '', s);
    assertValid([{ request_id: String(body['request_id'] ?? 0), errors }]);
    // The PATCH replaces the stage's sort and colour (READINGS R-STAGE-9): left out, the stage moves after
    // the last working stage and takes the palette's first colour. A name left out stays.
    if (typeof body['name'] === 'string') s.name = body['name'];
    s.sort = typeof body['sort'] === 'number' ? body['sort'] : lastWorkingSort(p, s) + 10;
    s.color = typeof body['color'] === 'string' ? body['color'] : DEFAULT_STATUS_COLOR;
    return hal(statusOut(ctx.store, ctx.origin, p, s, new Set()));
  }),
  route('DELETE', '/api/v4/leads/pipelines/:pipeline_id(\\d+)/statuses/:id(\\d+)', (ctx) => {
    requireAdmin(ctx);
    const p = findPipeline(ctx, 'pipeline_id');
    const s = findStatus(ctx, p);
    if (isSystemStatus(s)) throw new Problem(400, 'System statuses cannot be deleted');
    // Where the deals of a deleted stage would go is undocumented: a stage that holds deals is not deleted.
    if (ctx.store.leads.some((l) => l.pipeline_id === p.id && l.status_id === s.id))
      throw new Problem(400, 'A stage that holds leads cannot be deleted');
    p.statuses = p.statuses.filter((x) => x !== s);
    return noContent();
  }),
];
