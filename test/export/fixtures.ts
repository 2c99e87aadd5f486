import type { Snapshot } from '../../src/snapshot/types';
import type { Report, RuleResult, OutcomeCounts } from '../../src/audit/types';
import type { CustomFieldDto, PipelineDto, UserDto, RoleDto } from '../../src/api/dto';
import { createTranslator, type Dictionary } from '../../src/i18n/translate';
import ru from '../../i18n/ru.json';
import en from '../../i18n/en.json';
import es from '../../i18n/es.json';

/** Translators over the real dictionaries. */
export const tRu = createTranslator(ru as Dictionary, 'ru');
export const tEn = createTranslator(en as Dictionary, 'en');
export const tEs = createTranslator(es as Dictionary, 'es');

const status = (id: number, name: string, sort: number, type = 0, pipeline_id = 10) => ({
  id,
  name,
  sort,
  type,
  pipeline_id,
  is_editable: id < 142,
  color: '#99ccff',
});

export const pipelines: PipelineDto[] = [
  {
    id: 10,
    name: 'Продажи',
    sort: 1,
    is_main: true,
    is_unsorted_on: true,
    is_archive: false,
    _embedded: {
      statuses: [
        status(143, 'Закрыто и не реализовано', 11000),
        status(101, 'Заявка', 20),
        status(100, 'Неразобранное', 10, 1),
        status(102, 'Переговоры', 30),
        status(142, 'Успешно реализовано', 10000),
      ],
    },
  },
];

export function field(id: number, name: string, type: string, extra: Partial<CustomFieldDto> = {}): CustomFieldDto {
  return {
    id,
    name,
    type,
    code: null,
    sort: id,
    entity_type: 'leads',
    is_predefined: false,
    is_deletable: true,
    group_id: null,
    enums: null,
    required_statuses: [],
    ...extra,
  };
}

export const leadFields: CustomFieldDto[] = [
  field(1, 'Источник', 'select', {
    enums: [
      { id: 11, value: 'Сайт', sort: 1 },
      { id: 12, value: 'Звонок', sort: 2 },
    ],
    required_statuses: [{ pipeline_id: 10, status_id: 102 }],
    group_id: 'default',
  }),
  field(2, '=1+1', 'text'),
];
export const contactFields: CustomFieldDto[] = [
  field(3, 'Телефон', 'multitext', { code: 'PHONE', is_predefined: true, entity_type: 'contacts' }),
  field(4, 'Email', 'multitext', { code: 'EMAIL', is_predefined: true, entity_type: 'contacts' }),
];

const rights = (admin: boolean, active = true, role_id: number | null = null) =>
  ({
    is_admin: admin,
    is_free: false,
    is_active: active,
    group_id: 0,
    role_id,
    mail_access: false,
    leads: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'D' },
  }) as UserDto['rights'];

export const users: UserDto[] = [
  { id: 1, name: 'Анна Админ', email: 'anna@example.com', rights: rights(true) },
  { id: 2, name: 'Борис Продавец', email: 'boris@example.com', rights: rights(false, true, 5) },
  { id: 3, name: 'Вера Уволена', email: 'vera@example.com', rights: rights(false, false, 5) },
];
export const roles: RoleDto[] = [
  { id: 5, name: 'Менеджер', rights: { leads: { view: 'A', export: 'A' }, mail_access: true } },
];

/** A small snapshot with one failed part (companyFields, 403). */
export function makeSnapshot(): Snapshot {
  return {
    schemaVersion: 1,
    takenAt: '2025-03-01T10:00:00.000Z',
    window: { from: 1738317600, to: 1740823200, days: 30 },
    origin: { baseUrl: 'http://127.0.0.1:8080' },
    requests: { count: 12, retries: 0 },
    parts: {
      account: {
        data: {
          id: 777,
          name: 'ООО Ромашка',
          subdomain: 'romashka',
          current_user_id: 1,
          _embedded: { users_groups: [{ id: 0, name: 'Отдел продаж' }] },
        },
      },
      users: { data: users },
      roles: { data: roles },
      leadFields: { data: leadFields },
      contactFields: { data: contactFields },
      companyFields: { error: { kind: 'forbidden', status: 403, message: 'Forbidden' } },
      fieldGroups: {
        data: {
          leads: [
            {
              id: 'default',
              name: 'Основное',
              sort: 0,
              entity_type: 'leads',
              is_predefined: true,
              type: 'custom_field_group',
            },
          ],
          contacts: [],
          companies: [],
        },
      },
      pipelines: { data: pipelines },
      widgets: {
        data: [
          {
            id: 1,
            code: 'sipuni',
            version: '1',
            settings_template: [{ key: 'u', name: 'U', type: 'users', is_required: false }],
            is_lead_source: false,
            is_work_with_dp: false,
            is_crm_template: false,
            client_uuid: null,
            is_active_in_account: true,
            pipeline_id: null,
          },
        ],
      },
      unsorted: {
        data: {
          counts: { sip: 2, mail: 0, forms: 5, chats: 1 },
          chatServices: ['telegram'],
          complete: true,
          waiting: [],
          more: false,
        },
      },
      events: { error: { kind: 'timeout', status: null, message: 'timed out' } },
      notes: { data: { amomailMessages: 3, calls: 4, callSources: ['sipuni'], complete: true } },
      websiteButtons: {
        data: [
          {
            account_id: 777,
            source_id: 1,
            button_id: 2,
            is_duplication_control_enabled: false,
            name: 'Форма на главной',
            creation_status: 'created',
            pipeline_id: 10,
          },
        ],
      },
      contacts: {
        data: { total: 10, byOwner: { 2: 10 }, withoutChannels: { count: 0, sampleIds: [] }, duplicates: [] },
      },
      companies: { data: { total: 0, exact: true } },
      leads: {
        data: { total: 3, byOwner: { 2: 3 }, byStage: {}, open: [], closed: [], created: [] },
      },
      tasks: { data: [] },
      webhooks: { data: [] },
    },
  };
}

const zero = (): OutcomeCounts => ({ pass: 0, fail: 0, 'needs-review': 0, manual: 0, 'not-applicable': 0, error: 0 });

function result(
  ruleId: string,
  area: RuleResult['area'],
  outcome: RuleResult['outcome'],
  extra: Partial<RuleResult> = {},
): RuleResult {
  return {
    ruleId,
    area,
    outcome,
    severity: 'medium',
    items: [],
    evidence: [],
    fix: null,
    keys: {
      title: { key: `rules.${ruleId}.fail` },
      message: { key: 'items.summary.fail', params: { count: 0 } },
      why: { key: `rules.${ruleId}.why` },
      howTo: { key: `rules.${ruleId}.howTo` },
    },
    title: `Title ${ruleId}`,
    message: `Message ${ruleId}`,
    why: `Why ${ruleId}`,
    howTo: `How ${ruleId}`,
    ...extra,
  };
}

/** A small report matching the snapshot. */
export function makeReport(): Report {
  const counts = { ...zero(), pass: 1, fail: 1, manual: 1, error: 1 };
  return {
    schemaVersion: 1,
    generatedAt: '2025-03-01T10:00:05.000Z',
    takenAt: '2025-03-01T10:00:00.000Z',
    lang: 'ru',
    account: { id: 777, subdomain: 'romashka', name: 'ООО Ромашка' },
    baseline: {
      id: 'b2b-services',
      version: '1',
      names: {
        ru: 'B2B услуги',
        en: 'B2B services',
        es: 'Servicios B2B',
        pt: 'Serviços B2B',
        tr: 'B2B hizmetler',
        id: 'Layanan B2B',
      },
      name: 'B2B услуги',
    },
    score: 62,
    grade: 'C',
    counts,
    coverage: { total: 4, checked: 3, errored: 1, scored: 2 },
    incomplete: true,
    areas: [
      {
        id: 'fields',
        score: 50,
        counts: { ...zero(), pass: 1, fail: 1 },
        coverage: { total: 2, checked: 2, errored: 0, scored: 2 },
        incomplete: false,
        failedParts: [],
      },
      {
        id: 'telephony',
        score: null,
        counts: { ...zero(), error: 1 },
        coverage: { total: 1, checked: 0, errored: 1, scored: 0 },
        incomplete: true,
        failedParts: [
          { part: 'events', failure: { kind: 'timeout', status: null, message: 'timed out' }, reason: 'timed out' },
        ],
      },
      {
        id: 'data',
        score: null,
        counts: { ...zero(), manual: 1 },
        coverage: { total: 1, checked: 1, errored: 0, scored: 0 },
        incomplete: false,
        failedParts: [],
      },
    ],
    results: [
      result('duplicate-field-names', 'fields', 'fail', {
        severity: 'medium',
        items: [
          { id: 'g1', message: { key: 'x' }, text: '=HYPERLINK("http://evil")' },
          { id: 'g2', message: { key: 'x' }, text: 'Поле | с чертой' },
        ],
      }),
      result('lead-source-field-missing', 'fields', 'pass', { fix: { kind: 'safe', ops: 1 } }),
      result('telephony-absent', 'telephony', 'error', {
        error: {
          part: 'events',
          failure: null,
          reason: { key: 'items.partFailed', params: { part: 'events' } },
          message: 'Events could not load',
        },
      }),
      result('setup-document-approved', 'data', 'manual'),
    ],
    requests: { count: 12, retries: 0 },
  };
}
