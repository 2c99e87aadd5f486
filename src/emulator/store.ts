/**
 * In-memory account state of the emulator. Records are kept close to their wire shape
 * (src/api/dto.ts) minus `_links`, which serializers add per request, so a handler can
 * answer by copying. Contacts sit behind `RecordList` so the large seed can compute them
 * on demand instead of holding 100,000 objects.
 */
import type {
  CompanyDto,
  ContactDto,
  CustomFieldDto,
  EventDto,
  FieldEntity,
  FieldGroupDto,
  LeadDto,
  NoteDto,
  RoleRightsDto,
  SourceDto,
  UnsortedDto,
  UserRightsDto,
  WebsiteButtonDto,
  WidgetDto,
} from '../api/dto';

/** A read-only, indexable list of records (array-backed or computed lazily). */
export interface RecordList<T extends { id: number }> {
  readonly length: number;
  /** Record at position i (0-based), in id order. */
  at(i: number): T;
  /** Record by id, or undefined. */
  byId(id: number): T | undefined;
}

/** Wraps an array (kept sorted by id by whoever appends) as a RecordList. */
export function arrayList<T extends { id: number }>(items: T[]): RecordList<T> & { items: T[] } {
  return {
    items,
    get length() {
      return items.length;
    },
    at: (i) => items[i]!,
    byId: (id) => items.find((x) => x.id === id),
  };
}

/** Iterates every record of a RecordList (computing lazy ones one at a time). */
export function* iterate<T extends { id: number }>(list: RecordList<T>): Generator<T> {
  for (let i = 0; i < list.length; i++) yield list.at(i);
}

/** A user; rights are the user's own, replaced by the role's when role_id names a role. */
export interface UserRecord {
  id: number;
  name: string;
  email: string;
  lang: string;
  uuid: string;
  amojo_id: string;
  phone_number: string;
  user_rank: 'newbie' | 'candidate' | 'master';
  rights: UserRightsDto;
}

/** A role as stored (no `_links`). */
export interface RoleRecord {
  id: number;
  name: string;
  rights: RoleRightsDto;
}

/** A pipeline stage as stored; every pipeline keeps its unsorted stage even when unsorted is off. */
export interface StatusRecord {
  id: number;
  name: string;
  sort: number;
  is_editable: boolean;
  color: string;
  type: 0 | 1;
  descriptions: unknown[];
}

/** A pipeline with its stages (unsorted, working, 142, 143). */
export interface PipelineRecord {
  id: number;
  name: string;
  sort: number;
  is_main: boolean;
  is_unsorted_on: boolean;
  is_archive: boolean;
  statuses: StatusRecord[];
}

/** Custom field as stored. */
export type FieldRecord = Omit<CustomFieldDto, '_links' | 'account_id'> & {
  enums: NonNullable<CustomFieldDto['enums']> | null;
  required_statuses: { status_id: number; pipeline_id: number }[];
};

/** Field group as stored. */
export type GroupRecord = Omit<FieldGroupDto, '_links' | 'fields'>;

/**
 * Lead as stored; links to contacts/company live here. `closest_task_at` is kept on the lead rather than
 * derived from the tasks: whether done or overdue tasks count towards it is undocumented, so it may
 * disagree with the task list (READINGS.md R-LEAD-3). `contact_ids[0]` is the main contact.
 */
export type LeadRecord = Omit<LeadDto, '_links' | '_embedded' | 'account_id'> & {
  contact_ids: number[];
  company_id: number | null;
  closest_task_at: number | null;
};

/**
 * Task as stored (no `_links`, no `account_id`). A task may have no linked entity: how the API returns
 * that is undocumented, so both keys are null (READINGS.md R-TASK-3). `result` is `[]` when empty.
 */
export interface TaskRecord {
  id: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  responsible_user_id: number;
  group_id: number;
  entity_id: number | null;
  entity_type: 'leads' | 'contacts' | 'companies' | 'customers' | null;
  duration: number;
  is_completed: boolean;
  task_type_id: number;
  text: string;
  result: [] | { text: string };
  complete_till: number;
}

/** A loss reason of amoCRM's own list (GET /api/v4/leads/loss_reasons). */
export interface LossReasonRecord {
  id: number;
  name: string;
  sort: number;
  created_at: number;
  updated_at: number;
}

/** A webhook as GET /api/v4/webhooks returns it (the documented item has no `_links`). */
export interface WebhookRecord {
  id: number;
  destination: string;
  created_at: number;
  updated_at: number;
  account_id: number;
  created_by: number;
  sort: number;
  /** Switched off by the server after too many invalid answers (ADD §6). */
  disabled: boolean;
  settings: string[];
}

/** Contact as stored. */
export type ContactRecord = Omit<ContactDto, '_links' | '_embedded' | 'account_id'>;
/** Company as stored. */
export type CompanyRecord = Omit<CompanyDto, '_links' | 'account_id'>;

/** Unsorted item as stored; `state`/`sorted_at` feed the summary (accepted and declined items leave the list, R-UNS-1). */
export type UnsortedRecord = Omit<UnsortedDto, '_links' | 'account_id'> & {
  state: 'new' | 'accepted' | 'declined';
  sorted_at: number | null;
};

/** Event as stored (entity id in `_embedded` is derived). */
export type EventRecord = Omit<EventDto, '_links' | '_embedded' | 'account_id'>;
/** Note as stored. */
export type NoteRecord = Omit<NoteDto, '_links' | 'account_id'>;
/** Widget as stored. */
export type WidgetRecord = Omit<WidgetDto, '_links'>;
/** Site button as stored. */
export type WebsiteButtonRecord = WebsiteButtonDto;
/** A source and the integration (token owner key) it belongs to. */
export type SourceRecord = Omit<SourceDto, '_links'> & { integration: string };

/** Account-level data: base fields plus what `with=` can add. */
export interface AccountRecord {
  id: number;
  name: string;
  subdomain: string;
  country: string;
  currency: string;
  currency_symbol: string;
  customers_mode: string;
  is_unsorted_on: boolean;
  is_loss_reason_enabled: boolean;
  is_helpbot_enabled: boolean;
  is_technical_account: boolean;
  contact_name_display_order: number;
  language: string;
  created_at: number;
  created_by: number;
  updated_at: number;
  updated_by: number;
  mobile_feature_version: number;
  amojo_id: string;
  uuid: string;
  version: number;
  users_groups: { id: number; name: string; uuid: string | null }[];
  /**
   * Alpha filtering (a paid / opt-in feature): without it the `filter[...]` params of leads, contacts and
   * companies are ignored. Seeds leave it off (absent = false).
   */
  is_api_filter_enabled?: boolean;
  task_types: { id: number; name: string; color: string | null; icon_id: number | null; code: string }[];
}

/** Id counters; every created object takes the next id of its kind. */
export interface Sequences {
  field: number;
  enum: number;
  group: number;
  pipeline: number;
  status: number;
  role: number;
  lead: number;
  note: number;
  event: number;
  user: number;
  task: number;
  lossReason: number;
  webhook: number;
}

/** The whole account. */
export interface Store {
  seed: string;
  account: AccountRecord;
  users: UserRecord[];
  roles: RoleRecord[];
  fields: Record<FieldEntity, FieldRecord[]>;
  groups: Record<FieldEntity, GroupRecord[]>;
  pipelines: PipelineRecord[];
  widgets: WidgetRecord[];
  unsorted: UnsortedRecord[];
  events: EventRecord[];
  notes: Record<FieldEntity, NoteRecord[]>;
  websiteButtons: WebsiteButtonRecord[];
  sources: SourceRecord[];
  leads: LeadRecord[];
  contacts: RecordList<ContactRecord>;
  companies: CompanyRecord[];
  /** Tasks in id order; the large seed computes them on demand, like its contacts. */
  tasks: RecordList<TaskRecord>;
  lossReasons: LossReasonRecord[];
  webhooks: WebhookRecord[];
  seq: Sequences;
}

/** Takes the next id of a kind. */
export function nextId(store: Store, kind: keyof Sequences): number {
  store.seq[kind] += 1;
  return store.seq[kind];
}

/** Statuses 142 and 143 exist in every pipeline with these ids. */
export const WON = 142;
export const LOST = 143;

/** True for 142, 143 and the unsorted stage: they cannot be deleted or reordered. */
export function isSystemStatus(s: StatusRecord): boolean {
  return s.id === WON || s.id === LOST || s.type === 1;
}

/** Working stages in sort order (type 0, not 142/143). */
export function workingStages(p: PipelineRecord): StatusRecord[] {
  return p.statuses.filter((s) => s.type === 0 && s.id !== WON && s.id !== LOST).sort((a, b) => a.sort - b.sort);
}

/** Stages as the API shows them: unsorted only when the pipeline has unsorted on; sorted. */
export function visibleStatuses(p: PipelineRecord): StatusRecord[] {
  return p.statuses.filter((s) => s.type === 0 || p.is_unsorted_on).sort((a, b) => a.sort - b.sort);
}

/** Event ids are strings in amoCRM (ULID-like); derived from a counter to stay deterministic. */
export function eventId(n: number): string {
  return `01${n.toString(36).padStart(24, '0')}`;
}
