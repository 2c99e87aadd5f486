/** Building blocks shared by the seeds: account skeleton, users, pipelines, fields, records, signals. */
import type {
  EntityRights,
  FieldEntity,
  FieldValueDto,
  RightLetter,
  RoleRightsDto,
  UserRightsDto,
} from '../../api/dto';
import { arrayList, eventId, nextId, workingStages } from '../store';
import type {
  CompanyRecord,
  ContactRecord,
  FieldRecord,
  LeadRecord,
  PipelineRecord,
  RoleRecord,
  StatusRecord,
  Store,
  TaskRecord,
  UnsortedRecord,
  UserRecord,
} from '../store';
import { systemStatuses } from '../routes/pipelines';
import { deniedRights } from '../routes/users';
import type { Rng } from './prng';
import { formatPhone } from './people';

/** Seconds in a day. */
export const DAY = 86_400;

/** A v4-looking uuid from the PRNG. */
export function uuid(rng: Rng): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rng.next() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(rng.next() * 4)]}${hex(3)}-${hex(12)}`;
}

/** An empty account. */
export function emptyStore(
  seed: string,
  rng: Rng,
  nowSec: number,
  a: { id: number; name: string; subdomain: string; ageDays: number },
): Store {
  const created = nowSec - a.ageDays * DAY;
  return {
    seed,
    account: {
      id: a.id,
      name: a.name,
      subdomain: a.subdomain,
      country: 'RU',
      currency: 'RUB',
      currency_symbol: '₽',
      customers_mode: 'disabled',
      is_unsorted_on: true,
      is_loss_reason_enabled: false,
      is_helpbot_enabled: false,
      is_technical_account: false,
      contact_name_display_order: 1,
      language: 'ru',
      created_at: created,
      created_by: 0,
      updated_at: created,
      updated_by: 0,
      mobile_feature_version: 0,
      amojo_id: uuid(rng),
      uuid: uuid(rng),
      version: 16,
      users_groups: [{ id: 0, name: 'Отдел продаж', uuid: null }],
      task_types: [
        { id: 1, name: 'Связаться', color: null, icon_id: null, code: 'FOLLOW_UP' },
        { id: 2, name: 'Встреча', color: null, icon_id: null, code: 'MEETING' },
      ],
    },
    users: [],
    roles: [],
    pipelines: [],
    widgets: [],
    unsorted: [],
    events: [],
    websiteButtons: [],
    sources: [],
    leads: [],
    companies: [],
    fields: { leads: [], contacts: [], companies: [] },
    groups: { leads: [], contacts: [], companies: [] },
    notes: { leads: [], contacts: [], companies: [] },
    contacts: arrayList<ContactRecord>([]),
    tasks: arrayList<TaskRecord>([]),
    lossReasons: [],
    webhooks: [],
    seq: {
      field: 1_080_000,
      enum: 2_140_000,
      group: 1_700_000_000_000,
      pipeline: 7_300_000,
      status: 58_100_000,
      role: 100,
      lead: 21_400_000,
      note: 96_000_000,
      event: 1_000_000,
      user: 8_700_000,
      task: 39_600_000,
      lossReason: 11_200,
      webhook: 4_100,
    },
  };
}

/** Entity rights from five letters (view, edit, add, delete, export). */
export function entityRights(
  view: RightLetter,
  edit: RightLetter,
  add: RightLetter,
  del: RightLetter,
  exp: RightLetter,
): EntityRights {
  return { view, edit, add, delete: del, export: exp };
}

/** Role-like rights: the same block for leads/contacts/companies. */
export function rights(
  block: EntityRights,
  tasks: { edit: RightLetter; delete: RightLetter },
  mail: boolean,
): RoleRightsDto {
  return {
    ...deniedRights(),
    leads: { ...block },
    contacts: { ...block },
    companies: { ...block },
    tasks: { ...tasks },
    mail_access: mail,
    catalog_access: true,
    files_access: true,
  };
}

/** Everything allowed (admins). */
export function allRights(): RoleRightsDto {
  return rights(entityRights('A', 'A', 'A', 'A', 'A'), { edit: 'A', delete: 'A' }, true);
}

/** Adds a role. */
export function addRole(store: Store, name: string, r: RoleRightsDto): RoleRecord {
  const role = { id: nextId(store, 'role'), name, rights: structuredClone(r) };
  store.roles.push(role);
  return role;
}

/** Options of a new user. */
export interface UserSpec {
  name: string;
  email: string;
  admin?: boolean;
  active?: boolean;
  role?: RoleRecord;
  own?: RoleRightsDto;
  group?: number;
  rank?: UserRecord['user_rank'];
}

/** Adds a user; a role's rights are copied as the user's own (what the API shows for role users too). */
export function addUser(store: Store, rng: Rng, s: UserSpec): UserRecord {
  const base = s.admin ? allRights() : s.role ? s.role.rights : (s.own ?? deniedRights());
  const r: UserRightsDto = {
    ...structuredClone(base),
    is_admin: s.admin === true,
    is_free: false,
    is_active: s.active !== false,
    group_id: s.group ?? 0,
    role_id: s.admin ? null : (s.role?.id ?? null),
  };
  const u: UserRecord = {
    id: nextId(store, 'user'),
    name: s.name,
    email: s.email,
    lang: 'ru',
    uuid: uuid(rng),
    amojo_id: uuid(rng),
    phone_number: `+7${String(9_000_000_000 + Math.floor(rng.next() * 999_999_999))}`,
    user_rank: s.rank ?? 'master',
    rights: r,
  };
  store.users.push(u);
  return u;
}

/** Default stage colors in order. */
export const STAGE_COLORS = [
  '#99ccff',
  '#ffff99',
  '#ffcc66',
  '#ffcccc',
  '#d6eaff',
  '#deff81',
  '#87f2c0',
  '#f9deff',
  '#ffdc7f',
  '#c1e0ff',
];

/** Options of a new pipeline: working stages named in order, optional names of the won and lost ones. */
export interface PipelineSpec {
  name: string;
  main?: boolean;
  unsorted?: boolean;
  stages: readonly string[];
  won?: string;
  lost?: string;
  sort?: number;
}

/** Adds a pipeline with working stages named in order (sort 20, 30, …) and the system ones. */
export function addPipeline(store: Store, p: PipelineSpec): PipelineRecord {
  const sys = systemStatuses(store, { won: p.won, lost: p.lost });
  const stages: StatusRecord[] = p.stages.map((name, i) => ({
    id: nextId(store, 'status'),
    name,
    sort: 20 + i * 10,
    is_editable: true,
    color: STAGE_COLORS[i % STAGE_COLORS.length]!,
    type: 0,
    descriptions: [],
  }));
  const rec: PipelineRecord = {
    id: nextId(store, 'pipeline'),
    name: p.name,
    sort: p.sort ?? store.pipelines.length + 1,
    is_main: p.main === true,
    is_unsorted_on: p.unsorted !== false,
    is_archive: false,
    statuses: [sys[0]!, ...stages, sys[1]!, sys[2]!],
  };
  store.pipelines.push(rec);
  return rec;
}

/**
 * `required_statuses` of a field asked for from the second working stage on, up to and including won: the
 * baseline's matrix, which never blocks the entry stage where forms, calls and chats drop new leads.
 */
export function requiredPastEntry(p: PipelineRecord): { pipeline_id: number; status_id: number }[] {
  return [...workingStages(p).slice(1), p.statuses.find((s) => s.id === 142)!].map((s) => ({
    pipeline_id: p.id,
    status_id: s.id,
  }));
}

/** The default stages of a new amoCRM pipeline. */
export const DEFAULT_STAGES = ['Первичный контакт', 'Переговоры', 'Принимают решение', 'Согласование договора'];

/** Options of a new field. */
export interface FieldSpec {
  name: string;
  type: string;
  code?: string | null;
  enums?: (string | [string, string])[];
  predefined?: boolean;
  group?: string | null;
  required?: { pipeline_id: number; status_id: number }[];
  sort?: number;
}

/** Adds a field; enums given as values or [value, code]. */
export function addField(store: Store, entity: FieldEntity, f: FieldSpec): FieldRecord {
  const rec: FieldRecord = {
    id: nextId(store, 'field'),
    name: f.name,
    type: f.type,
    code: f.code ?? null,
    sort: f.sort ?? store.fields[entity].reduce((m, x) => Math.max(m, x.sort), 0) + 2,
    entity_type: entity,
    is_predefined: f.predefined === true,
    is_deletable: f.predefined !== true,
    is_api_only: false,
    group_id: f.group ?? null,
    enums: f.enums
      ? f.enums.map((e, i) => {
          const [value, code] = Array.isArray(e) ? e : [e, undefined];
          return code === undefined
            ? { id: nextId(store, 'enum'), value, sort: (i + 1) * 2 }
            : { id: nextId(store, 'enum'), value, sort: (i + 1) * 2, code };
        })
      : null,
    required_statuses: f.required ?? [],
    remind: null,
    currency: null,
    tracking_callback: null,
    triggers: [],
    hidden_statuses: [],
    chained_lists: null,
  };
  store.fields[entity].push(rec);
  return rec;
}

const UTM = [
  'UTM_SOURCE',
  'UTM_MEDIUM',
  'UTM_CAMPAIGN',
  'UTM_CONTENT',
  'UTM_TERM',
  'OPENSTAT_SERVICE',
  'OPENSTAT_CAMPAIGN',
  'OPENSTAT_AD',
  'OPENSTAT_SOURCE',
  'FROM',
  'GCLID',
  'YCLID',
  'GCLIENTID',
  '_YM_UID',
  '_YM_COUNTER',
  'REFERRER',
];

/** Predefined fields and groups of a new account. */
export function addPredefined(store: Store): void {
  for (const e of ['leads', 'contacts', 'companies'] as const) {
    store.groups[e].push({
      id: 'default',
      name: 'Основное',
      sort: 0,
      entity_type: e,
      is_predefined: true,
      type: 'custom_field_group',
    });
  }
  store.groups.leads.push({
    id: 'statistic',
    name: 'Статистика',
    sort: 2,
    entity_type: 'leads',
    is_predefined: true,
    type: 'linked_group',
  });
  const phone: [string, string][] = [
    ['Рабочий', 'WORK'],
    ['Рабочий прямой', 'WORKDD'],
    ['Мобильный', 'MOB'],
    ['Факс', 'FAX'],
    ['Домашний', 'HOME'],
    ['Другой', 'OTHER'],
  ];
  const email: [string, string][] = [
    ['Рабочий', 'WORK'],
    ['Личный', 'PRIV'],
    ['Другой', 'OTHER'],
  ];
  addField(store, 'contacts', { name: 'Должность', type: 'text', code: 'POSITION', predefined: true, sort: 2 });
  addField(store, 'contacts', {
    name: 'Телефон',
    type: 'multitext',
    code: 'PHONE',
    predefined: true,
    enums: phone,
    sort: 4,
  });
  addField(store, 'contacts', {
    name: 'Email',
    type: 'multitext',
    code: 'EMAIL',
    predefined: true,
    enums: email,
    sort: 6,
  });
  addField(store, 'companies', {
    name: 'Телефон',
    type: 'multitext',
    code: 'PHONE',
    predefined: true,
    enums: phone,
    sort: 4,
  });
  addField(store, 'companies', {
    name: 'Email',
    type: 'multitext',
    code: 'EMAIL',
    predefined: true,
    enums: email,
    sort: 6,
  });
  addField(store, 'companies', { name: 'Web', type: 'url', code: 'WEB', predefined: true, sort: 8 });
  addField(store, 'companies', { name: 'Адрес', type: 'textarea', code: 'ADDRESS', predefined: true, sort: 10 });
  UTM.forEach((code, i) =>
    addField(store, 'leads', {
      name: code.toLowerCase().replace(/^_/, ''),
      type: 'tracking_data',
      code,
      predefined: true,
      group: 'statistic',
      sort: 503 + i,
    }),
  );
}

/** Field by entity and code. */
export function fieldByCode(store: Store, entity: FieldEntity, code: string): FieldRecord {
  return store.fields[entity].find((f) => f.code === code)!;
}

/** custom_fields_values for phones and e-mails (WORK enum), as the API returns them. */
export function channelValues(
  store: Store,
  entity: 'contacts' | 'companies',
  phones: string[],
  emails: string[],
): FieldValueDto[] | null {
  const out: FieldValueDto[] = [];
  const block = (code: 'PHONE' | 'EMAIL', values: string[], enumCode: string) => {
    if (values.length === 0) return;
    const f = fieldByCode(store, entity, code);
    const en = f.enums!.find((e) => e.code === enumCode)!;
    out.push({
      field_id: f.id,
      field_name: f.name,
      field_code: code,
      field_type: 'multitext',
      values: values.map((value) => ({ value, enum_id: en.id, enum_code: enumCode })),
    });
  };
  block('PHONE', phones, entity === 'contacts' ? 'MOB' : 'WORK');
  block('EMAIL', emails, 'WORK');
  return out.length > 0 ? out : null;
}

/** A select field value. */
export function selectValue(f: FieldRecord, value: string): FieldValueDto {
  const en = f.enums!.find((e) => e.value === value)!;
  return {
    field_id: f.id,
    field_name: f.name,
    field_code: f.code,
    field_type: f.type,
    values: [{ value, enum_id: en.id, enum_code: null }],
  };
}

/** A value of a field with no enums (text, numeric, …). */
export function plainValue(f: FieldRecord, value: string): FieldValueDto {
  return { field_id: f.id, field_name: f.name, field_code: f.code, field_type: f.type, values: [{ value }] };
}

/** Builds a contact record. */
export function contact(
  store: Store,
  c: {
    id: number;
    first: string;
    last: string;
    responsible: number;
    created: number;
    phones: string[];
    emails: string[];
    extra?: FieldValueDto[];
  },
): ContactRecord {
  const values = channelValues(store, 'contacts', c.phones, c.emails);
  const all = [...(values ?? []), ...(c.extra ?? [])];
  return {
    id: c.id,
    name: `${c.first} ${c.last}`,
    first_name: c.first,
    last_name: c.last,
    responsible_user_id: c.responsible,
    group_id: 0,
    created_by: c.responsible,
    updated_by: c.responsible,
    created_at: c.created,
    updated_at: c.created,
    is_deleted: false,
    custom_fields_values: all.length > 0 ? all : null,
  };
}

/** Builds a company record. */
export function company(
  store: Store,
  c: {
    id: number;
    name: string;
    responsible: number;
    created: number;
    phones: string[];
    emails: string[];
    extra?: FieldValueDto[];
  },
): CompanyRecord {
  const values = [...(channelValues(store, 'companies', c.phones, c.emails) ?? []), ...(c.extra ?? [])];
  return {
    id: c.id,
    name: c.name,
    responsible_user_id: c.responsible,
    group_id: 0,
    created_at: c.created,
    updated_at: c.created,
    is_deleted: false,
    custom_fields_values: values.length > 0 ? values : null,
  };
}

/** Adds a lead. */
export function addLead(
  store: Store,
  l: {
    name: string;
    price: number;
    responsible: number;
    pipeline: PipelineRecord;
    status: number;
    created: number;
    closedAt?: number;
    contacts?: number[];
    company?: number | null;
    values?: FieldValueDto[];
  },
): LeadRecord {
  const closed = l.status === 142 || l.status === 143;
  const rec: LeadRecord = {
    id: nextId(store, 'lead'),
    name: l.name,
    price: l.price,
    responsible_user_id: l.responsible,
    group_id: 0,
    status_id: l.status,
    pipeline_id: l.pipeline.id,
    loss_reason_id: null,
    source_id: null,
    created_by: l.responsible,
    updated_by: l.responsible,
    created_at: l.created,
    updated_at: closed ? (l.closedAt ?? l.created) : l.created,
    closed_at: closed ? (l.closedAt ?? l.created) : null,
    is_deleted: false,
    custom_fields_values: l.values && l.values.length > 0 ? l.values : null,
    contact_ids: l.contacts ?? [],
    company_id: l.company ?? null,
    closest_task_at: null,
  };
  store.leads.push(rec);
  return rec;
}

/** Adds an unsorted item with category-specific metadata. */
export function addUnsorted(
  store: Store,
  rng: Rng,
  u: {
    category: UnsortedRecord['category'];
    pipeline: PipelineRecord;
    created: number;
    lead: number;
    contact?: number;
    who: string;
    phone?: string;
    email?: string;
    service?: string;
    state?: UnsortedRecord['state'];
    form?: string;
  },
): UnsortedRecord {
  const uid = `${u.category.slice(0, 1)}${u.created.toString(16)}${Math.floor(rng.next() * 0xffffff)
    .toString(16)
    .padStart(6, '0')}`;
  const meta: Record<string, unknown> = {};
  let sourceName = '';
  if (u.category === 'mail') {
    sourceName = 'Почта';
    Object.assign(meta, {
      from: { email: u.email ?? 'client@mail.ru', name: u.who },
      received_at: u.created,
      subject: rng.pick(['Запрос КП', 'Вопрос по договору', 'Счёт на оплату', 'Заявка с сайта']),
      thread_id: Math.floor(rng.next() * 1e7),
      message_id: Math.floor(rng.next() * 1e7),
      content_summary: 'Добрый день! Прошу прислать коммерческое предложение.',
    });
  } else if (u.category === 'forms') {
    sourceName = u.form ?? 'Форма на сайте';
    Object.assign(meta, {
      form_id: '1',
      form_name: sourceName,
      form_page: `https://${store.account.subdomain}.ru/contacts`,
      ip: `95.${rng.int(24, 220)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
      form_sent_at: String(u.created),
      referer: 'https://yandex.ru/',
    });
  } else if (u.category === 'chats') {
    sourceName = u.service === 'whatsapp' ? 'WhatsApp' : u.service === 'vk' ? 'ВКонтакте' : 'Telegram';
    Object.assign(meta, {
      from: u.who,
      to: store.account.name,
      received_at: u.created,
      service: u.service ?? 'telegram',
      client: { name: u.who, avatar: null },
      origin: { chat_id: uuid(rng), ref: null, visitor_uid: uuid(rng) },
      last_message_text: rng.pick([
        'Здравствуйте! Сколько стоит?',
        'Добрый день, вы работаете в выходные?',
        'Хочу записаться на консультацию',
      ]),
      source_name: sourceName,
    });
  } else {
    sourceName = 'Телефония';
    Object.assign(meta, {
      from: u.who,
      phone: Number((u.phone ?? '79120000000').replace(/\D/g, '')),
      call_responsible: null,
      called_at: u.created,
      duration: String(rng.int(20, 400)),
      link: null,
      service_code: 'mango_office',
      uniq: uuid(rng),
    });
  }
  const rec: UnsortedRecord = {
    uid,
    source_uid: null,
    source_name: sourceName,
    category: u.category,
    pipeline_id: u.pipeline.id,
    created_at: u.created,
    metadata: meta,
    _embedded: { contacts: u.contact ? [{ id: u.contact }] : [], companies: [], leads: [{ id: u.lead }] },
    state: u.state ?? 'new',
    sorted_at: u.state && u.state !== 'new' ? u.created + rng.int(60, 7200) : null,
  };
  store.unsorted.push(rec);
  return rec;
}

/** Adds an event. */
export function addEvent(
  store: Store,
  e: {
    type: string;
    entityType: string;
    entityId: number;
    by: number;
    at: number;
    after: unknown[];
    linkedContact?: number;
  },
): void {
  const rec = {
    id: eventId(nextId(store, 'event')),
    type: e.type,
    entity_id: e.entityId,
    entity_type: e.entityType,
    created_by: e.by,
    created_at: e.at,
    value_after: e.after,
    value_before: [] as unknown[],
  };
  if (e.linkedContact !== undefined) Object.assign(rec, { linked_talk_contact_id: e.linkedContact });
  store.events.push(rec);
}

/** Adds an incoming_chat_message event from contact `c`: on the first lead it is linked to, else on the contact. */
export function addChatMessage(store: Store, c: ContactRecord, at: number, messageId: string): void {
  const l = store.leads.find((x) => x.contact_ids.includes(c.id));
  addEvent(store, {
    type: 'incoming_chat_message',
    entityType: l ? 'lead' : 'contact',
    entityId: l ? l.id : c.id,
    by: 0,
    at,
    after: [{ message: { id: messageId } }],
    linkedContact: c.id,
  });
}

/** Adds a call note with its incoming_call/outgoing_call event. */
export function addCall(
  store: Store,
  rng: Rng,
  c: {
    entity: 'leads' | 'contacts';
    entityId: number;
    by: number;
    at: number;
    inbound: boolean;
    phone: string;
    source: string;
  },
): void {
  const id = nextId(store, 'note');
  store.notes[c.entity].push({
    id,
    entity_id: c.entityId,
    created_by: c.by,
    updated_by: c.by,
    created_at: c.at,
    updated_at: c.at,
    responsible_user_id: c.by,
    group_id: 0,
    note_type: c.inbound ? 'call_in' : 'call_out',
    params: {
      uniq: uuid(rng),
      duration: rng.int(15, 900),
      source: c.source,
      link: `https://records.example-pbx.ru/${id}.mp3`,
      phone: c.phone,
      call_responsible: c.by,
      call_status: 4,
    },
  });
  addEvent(store, {
    type: c.inbound ? 'incoming_call' : 'outgoing_call',
    entityType: c.entity === 'leads' ? 'lead' : 'contact',
    entityId: c.entityId,
    by: c.by,
    at: c.at,
    after: [{ note: { id } }],
  });
}

/** Adds an amomail_message note. */
export function addMailNote(
  store: Store,
  rng: Rng,
  m: {
    entity: 'leads' | 'contacts';
    entityId: number;
    by: number;
    at: number;
    from: string;
    to: string;
    income: boolean;
  },
): void {
  store.notes[m.entity].push({
    id: nextId(store, 'note'),
    entity_id: m.entityId,
    created_by: m.by,
    updated_by: m.by,
    created_at: m.at,
    updated_at: m.at,
    responsible_user_id: m.by,
    group_id: 0,
    note_type: 'amomail_message',
    params: {
      thread_id: rng.int(1e6, 9e6),
      message_id: rng.int(1e6, 9e6),
      private: false,
      income: m.income,
      from: { email: m.from, name: '' },
      to: { email: m.to, name: '' },
      subject: rng.pick(['Коммерческое предложение', 'Договор', 'Re: Счёт']),
      content_summary: 'Добрый день!',
      attach_cnt: 0,
      delivery: { status: 'delivered' },
    },
  });
}

/** The embed code the seeds' website buttons show (a placeholder of the real one, which is the site's). */
const BUTTON_SCRIPT = '<script>/* amoCRM button */</script>';

/** Adds a website button (a site form or widget) of the account; `script: false` for one without embed code. */
export function addWebsiteButton(
  store: Store,
  b: {
    sourceId: number;
    buttonId: number;
    name: string;
    pipelineId: number;
    duplicationControl: boolean;
    script?: false;
  },
): void {
  store.websiteButtons.push({
    account_id: store.account.id,
    source_id: b.sourceId,
    button_id: b.buttonId,
    is_duplication_control_enabled: b.duplicationControl,
    name: b.name,
    creation_status: 'created',
    pipeline_id: b.pipelineId,
    script: b.script === false ? null : BUTTON_SCRIPT,
  });
}

/** A phone in a random human format. */
export function styledPhone(rng: Rng, ten: string): string {
  return formatPhone(ten, rng.int(0, 4));
}
