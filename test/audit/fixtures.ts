/**
 * Tiny frozen snapshots for rule tests. `healthy()` is an account where every judged rule
 * passes; each test overrides only the parts it is about, so a case reads as "healthy
 * account except …". Everything returned is deep-frozen: a rule that mutates its input throws.
 */
import type { CustomFieldDto, PipelineDto, RoleDto, StatusDto, UserDto, WidgetDto } from '../../src/api/dto';
import type {
  ClosedLead,
  LeadsView,
  OpenLead,
  OpenTask,
  Part,
  PartFailure,
  Snapshot,
  SnapshotParts,
} from '../../src/snapshot/types';
import type { Rule, RuleResult } from '../../src/audit/types';
import { defaultBaseline } from '../../src/audit/baseline/load';
import type { Baseline } from '../../src/audit/baseline/types';
import { resultOf } from '../../src/audit/run';
import { localizeResult } from '../../src/audit/localize';
import { createTranslator, type Dictionary } from '../../src/i18n/translate';
import en from '../../i18n/en.json';
import es from '../../i18n/es.json';
import ru from '../../i18n/ru.json';

export const dicts = { en: en as Dictionary, ru: ru as Dictionary, es: es as Dictionary };

/** Freeze an object graph in place and return it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A loaded part. */
export const ok = <T>(data: T): Part<T> => ({ data });
/** A failed part. */
export const failed = (kind: PartFailure['kind'], status: number | null = null): Part<never> => ({
  error: { kind, status, message: `raw ${kind}` },
});

const MANAGER_RIGHTS = {
  leads: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'D' },
  contacts: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'D' },
  companies: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'D' },
  tasks: { edit: 'M', delete: 'M' },
  mail_access: true,
  catalog_access: false,
  status_rights: null,
} as const;

/** A user; by default an active manager with role 10 and the baseline's rights. */
export function user(
  id: number,
  o: {
    admin?: boolean;
    active?: boolean;
    free?: boolean;
    roleId?: number | null;
    rights?: Partial<UserDto['rights']>;
  } = {},
): UserDto {
  return {
    id,
    name: `User ${id}`,
    email: `u${id}@example.com`,
    rights: {
      ...structuredClone(MANAGER_RIGHTS),
      is_admin: o.admin ?? false,
      is_free: o.free ?? false,
      is_active: o.active ?? true,
      group_id: 0,
      role_id: o.roleId === undefined ? (o.admin ? null : 10) : o.roleId,
      ...o.rights,
    } as UserDto['rights'],
  };
}

/** A role; by default the baseline's manager rights. */
export function role(id: number, name = `Role ${id}`, rights: Partial<RoleDto['rights']> = {}): RoleDto {
  return { id, name, rights: { ...structuredClone(MANAGER_RIGHTS), ...rights } as RoleDto['rights'] };
}

/** A custom field. */
export function field(id: number, name: string, o: Partial<CustomFieldDto> = {}): CustomFieldDto {
  return {
    id,
    name,
    type: 'text',
    code: null,
    sort: id,
    entity_type: 'leads',
    is_predefined: false,
    is_deletable: true,
    group_id: null,
    enums: null,
    required_statuses: [],
    ...o,
  };
}

/** `n` enums for a list field. */
export function enums(n: number) {
  return Array.from({ length: n }, (_, i) => ({ id: 9000 + i, value: `Option ${i + 1}`, sort: i }));
}

/**
 * A pipeline: unsorted stage `id*10` (when `unsorted`), working stages `id*10+1…`, then 142 and 143.
 */
export function pipeline(
  id: number,
  stageNames: string[],
  o: {
    name?: string;
    main?: boolean;
    archive?: boolean;
    unsorted?: boolean;
    unsortedOn?: boolean;
    extra?: StatusDto[];
  } = {},
): PipelineDto {
  const st = (sid: number, name: string, sort: number, type = 0): StatusDto => ({
    id: sid,
    name,
    sort,
    is_editable: true,
    pipeline_id: id,
    color: '#99ccff',
    type,
  });
  const statuses = [
    ...((o.unsorted ?? true) ? [st(id * 10, 'Неразобранное', 10, 1)] : []),
    ...stageNames.map((n, i) => st(id * 10 + i + 1, n, 20 + i * 10)),
    st(142, 'Успешно реализовано', 10000),
    st(143, 'Закрыто и не реализовано', 11000),
    ...(o.extra ?? []),
  ];
  return {
    id,
    name: o.name ?? `Pipeline ${id}`,
    sort: id,
    is_main: o.main ?? false,
    is_unsorted_on: o.unsortedOn ?? true,
    is_archive: o.archive ?? false,
    _embedded: { statuses },
  };
}

/** A widget active in the account, optionally with a settings field of the given type. */
export function widget(code: string, settingType?: string, active = true): WidgetDto {
  return {
    id: code.length,
    code,
    version: '1.0',
    is_lead_source: false,
    is_work_with_dp: false,
    is_crm_template: false,
    client_uuid: null,
    is_active_in_account: active,
    pipeline_id: null,
    settings_template: settingType ? [{ key: 'k', name: 'K', type: settingType, is_required: false }] : [],
  };
}

/** The healthy snapshot's `takenAt` (2025-03-01T12:00:00Z) in unix seconds; the window ends here. */
export const TAKEN = 1740830400;
/** A day in seconds. */
export const DAY = 86400;

/** An open lead in the healthy main pipeline: stage 101, owner 3, a task tomorrow, its own contact, touched yesterday. */
export function openLead(id: number, o: Partial<OpenLead> = {}): OpenLead {
  return {
    id,
    owner: 3,
    pipelineId: 10,
    statusId: 101,
    updatedAt: TAKEN - DAY,
    closestTaskAt: TAKEN + DAY,
    contactId: 5000 + id,
    ...o,
  };
}

/** A lead closed in the window: won with a price by default. */
export function closedLead(id: number, o: Partial<ClosedLead> = {}): ClosedLead {
  return {
    id,
    owner: 3,
    pipelineId: 10,
    statusId: 142,
    closedAt: TAKEN - 2 * DAY,
    price: 1000,
    lossReasonId: null,
    filledFieldIds: [],
    ...o,
  };
}

/** An open task on a lead, owned by user 3, due tomorrow. */
export function task(id: number, o: Partial<OpenTask> = {}): OpenTask {
  return { id, owner: 3, entityType: 'leads', entityId: id, completeTill: TAKEN + DAY, ...o };
}

/** A leads view built from its open and closed leads (owner and stage counts follow from them). */
export function leadsView(
  open: OpenLead[],
  closed: ClosedLead[] = [],
  createdByOwner?: Record<string, number>,
): LeadsView {
  const byOwner: Record<string, number> = {};
  const byStage: Record<string, number> = {};
  for (const l of open) {
    byOwner[l.owner] = (byOwner[l.owner] ?? 0) + 1;
    byStage[`${l.pipelineId}:${l.statusId}`] = (byStage[`${l.pipelineId}:${l.statusId}`] ?? 0) + 1;
  }
  return {
    total: open.length + closed.length,
    byOwner,
    byStage,
    open,
    closed,
    created: Object.entries(createdByOwner ?? byOwner).flatMap(([owner, n]) =>
      Array.from({ length: n }, () => ({ owner: Number(owner), statusId: 101 })),
    ),
  };
}

/** The healthy account's ten open leads (stages 101–105, owners 3–5), each with a task and a contact. */
export const HEALTHY_OPEN = Array.from({ length: 10 }, (_, i) =>
  openLead(1001 + i, { owner: 3 + (i % 3), statusId: 101 + (i % 5) }),
);

/** The healthy account's main pipeline: baseline stage names, Source required from stage 2, Loss reason at 143. */
export const MAIN = pipeline(10, ['Заявка', 'Переговоры', 'КП', 'Договор', 'Оплата'], { name: 'Продажи', main: true });

function healthyParts(): SnapshotParts {
  return {
    account: ok({
      id: 1,
      name: 'Test',
      subdomain: 'test',
      current_user_id: 1,
      is_loss_reason_enabled: true,
      is_unsorted_on: true,
    }),
    users: ok([user(1, { admin: true }), user(2, { admin: true }), user(3), user(4), user(5)]),
    roles: ok([role(10, 'Менеджер')]),
    leadFields: ok([
      field(501, 'Источник', {
        type: 'select',
        enums: enums(3),
        required_statuses: [{ pipeline_id: 10, status_id: 102 }],
      }),
      field(502, 'Причина отказа', {
        type: 'select',
        enums: enums(3),
        required_statuses: [{ pipeline_id: 10, status_id: 143 }],
      }),
      field(503, 'utm_source', { type: 'tracking_data', is_predefined: true, code: 'UTM_SOURCE' }),
    ]),
    contactFields: ok([
      field(601, 'Телефон', { type: 'multitext', code: 'PHONE', is_predefined: true, entity_type: 'contacts' }),
      field(602, 'Email', { type: 'multitext', code: 'EMAIL', is_predefined: true, entity_type: 'contacts' }),
      field(603, 'Роль в сделке', { type: 'select', enums: enums(3), entity_type: 'contacts' }),
    ]),
    companyFields: ok([
      field(701, 'Телефон', { type: 'multitext', code: 'PHONE', is_predefined: true, entity_type: 'companies' }),
      field(702, 'ИНН', { entity_type: 'companies' }),
    ]),
    pipelines: ok([MAIN]),
    widgets: ok([widget('amo_asterisk', 'users')]),
    unsorted: ok({
      counts: { sip: 2, mail: 3, forms: 4, chats: 5 },
      chatServices: ['telegram'],
      complete: true,
      waiting: [{ category: 'forms', createdAt: TAKEN - 3600 }],
      more: false,
    }),
    events: ok({ counts: { incoming_call: 3, outgoing_call: 4, incoming_chat_message: 6 }, complete: true }),
    notes: ok({ amomailMessages: 2, calls: 7, callSources: ['zadarma'], complete: true }),
    websiteButtons: ok([
      {
        account_id: 1,
        source_id: 1,
        button_id: 1,
        is_duplication_control_enabled: true,
        name: 'Сайт',
        creation_status: 'created',
        pipeline_id: 10,
      },
    ]),
    contacts: ok({ total: 10, byOwner: { 3: 6, 4: 4 }, withoutChannels: { count: 0, sampleIds: [] }, duplicates: [] }),
    companies: ok({ total: 2, exact: true }),
    leads: ok(
      leadsView(HEALTHY_OPEN, [
        closedLead(2001),
        closedLead(2002, { statusId: 143, price: 0, lossReasonId: 7, owner: 4 }),
      ]),
    ),
    tasks: ok(HEALTHY_OPEN.map((l) => task(l.id, { owner: l.owner }))),
    webhooks: ok([{ id: 1, destination: 'https://hooks.example.com/amo', disabled: false }]),
  };
}

/** A frozen snapshot of the healthy account with some parts replaced. */
export function snapshot(overrides: Partial<SnapshotParts> = {}): Snapshot {
  return deepFreeze({
    schemaVersion: 1,
    takenAt: '2025-03-01T12:00:00.000Z',
    window: { from: 1738238400, to: 1740830400, days: 30 },
    origin: { baseUrl: null },
    parts: { ...healthyParts(), ...structuredClone(overrides) },
    requests: { count: 12, retries: 1 },
  });
}

/** Run one rule over a snapshot with the default baseline (English texts). */
export function runRule(rule: Rule, snap: Snapshot, baseline: Baseline = defaultBaseline()): RuleResult {
  return localizeResult(resultOf(rule, snap, baseline, 'en'), createTranslator(dicts.en, 'en'));
}

/** Shape of one row of a rule's case table. */
export interface Case {
  name: string;
  parts: Partial<SnapshotParts>;
  outcome: RuleResult['outcome'];
  /** Expected item ids, in order (omit to skip the check). */
  items?: string[];
}
