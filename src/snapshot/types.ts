import type {
  AccountDto,
  CustomFieldDto,
  FieldEntity,
  FieldGroupDto,
  PipelineDto,
  RoleDto,
  UserDto,
  WebsiteButtonDto,
  WidgetDto,
} from '../api/dto';

/** Why a part could not be gathered; `kind` is stable, `message` is for people. */
export interface PartFailure {
  kind:
    | 'forbidden'
    | 'unauthorized'
    | 'payment'
    | 'not-found'
    | 'network'
    | 'timeout'
    | 'rate-limit'
    | 'banned'
    | 'deadline'
    | 'too-large'
    | 'redirect'
    | 'off-origin'
    | 'http'
    | 'malformed'
    | 'validation'
    | 'aborted'
    /** Saved by an earlier version that did not read this part (see snapshot/migrate.ts). */
    | 'outdated'
    | 'unknown';
  status: number | null;
  message: string;
  /** For `banned`: the wait the server named, ms (absent when it named none; the ban's length is undocumented). */
  retryAfterMs?: number;
}

/**
 * A gathered part: either its data or the failure that replaced it (never thrown). `unreadable`: records the
 * answers held that did not have the documented shape, skipped (absent when none).
 */
export type Part<T> = { data: T; unreadable?: number } | { error: PartFailure };

/** How many records of a loaded part were skipped as unreadable (0 when none, or when it failed). */
export function unreadableOf(part: Part<unknown> | undefined): number {
  return part && 'data' in part ? (part.unreadable ?? 0) : 0;
}

/** True when the part failed to load. */
export function isFailed<T>(part: Part<T> | undefined): part is { error: PartFailure } {
  return !!part && 'error' in part;
}

/** The part's data, or undefined when it failed or was not gathered. */
export function dataOf<T>(part: Part<T> | undefined): T | undefined {
  return part && 'data' in part ? part.data : undefined;
}

/** Activity seen in the unsorted list within the window (one page, newest first). */
export interface UnsortedSignal {
  /** Items per category created inside the window. Lower bounds when `complete` is false. */
  counts: { sip: number; mail: number; forms: number; chats: number };
  /** Chat services seen (metadata.service / source_name), distinct, sorted. */
  chatServices: string[];
  /** False when more may exist (see `more`) and the page was still inside the window. */
  complete: boolean;
  /** Every item of the page (waiting in unsorted now), oldest arrival first: category and `created_at`. */
  waiting: { category: string; createdAt: number }[];
  /** True when the page links a next one or is full (250): older items may wait beyond it. */
  more: boolean;
}

/** Events of the signal types seen within the window. */
export interface EventSignal {
  counts: { incoming_call: number; outgoing_call: number; incoming_chat_message: number };
  complete: boolean;
}

/** Notes of the signal types seen within the window on leads and contacts. */
export interface NoteSignal {
  amomailMessages: number;
  calls: number;
  /** Telephony services named by call notes' `params.source`, distinct, sorted. */
  callSources: string[];
  complete: boolean;
}

/** A group of contacts sharing a normalised phone or email. */
export interface DuplicateGroup {
  kind: 'phone' | 'email';
  /** The normalised value they share. */
  key: string;
  contactIds: number[];
}

/**
 * What the data rules need from all contacts, built page by page while streaming
 * (no raw pages kept). Owner counts are keyed by responsible_user_id.
 */
export interface ContactsView {
  total: number;
  byOwner: Record<string, number>;
  /** Ids of contacts with neither a phone nor an email value (first 500; count is exact). */
  withoutChannels: { count: number; sampleIds: number[] };
  duplicates: DuplicateGroup[];
  /**
   * Names of the contacts the view lists (the sample without channels, the members of duplicate groups), by id,
   * so a person reads «Иван Петров», not an id. Absent in snapshots saved before it was kept.
   */
  names?: Record<string, string>;
}

/**
 * An open lead (status neither 142 nor 143) as the usage rules read it; leads in an unsorted stage are
 * kept too (the rules drop them with the pipelines at hand, the gatherer does not read pipelines).
 */
export interface OpenLead {
  id: number;
  owner: number;
  pipelineId: number;
  statusId: number;
  updatedAt: number;
  /** `closest_task_at`; null when absent or ≤ 0 (the official client reads those as none). */
  closestTaskAt: number | null;
  /** The main linked contact (`is_main`, else the first); null when `with=contacts` listed none. */
  contactId: number | null;
}

/** A lead closed (142 or 143) inside the window, with what the won/lost rules need. */
export interface ClosedLead {
  id: number;
  owner: number;
  pipelineId: number;
  statusId: number;
  closedAt: number;
  price: number;
  /** The loss reason's id; null when `loss_reason_id` is null or ≤ 0 and `with=loss_reason` embedded none. */
  lossReasonId: number | null;
  /** Ids of the custom fields holding a value. */
  filledFieldIds: number[];
}

/**
 * Every lead read once (`with=contacts,loss_reason`) into what the rules need, page by page (no raw pages
 * kept): the open leads, the leads closed in the window and who owns the leads created in it.
 */
export interface LeadsView {
  /** Leads read, any status. */
  total: number;
  /** Open leads (status not 142/143) by owner. */
  byOwner: Record<string, number>;
  /** Open leads per stage, keyed `pipelineId:statusId` (a configuration document renames only empty stages). */
  byStage: Record<string, number>;
  open: OpenLead[];
  /** Leads with `closed_at` inside the window, won or lost. */
  closed: ClosedLead[];
  /** Leads with `created_at` inside the window: owner and current status (one in unsorted is nobody's yet). */
  created: { owner: number; statusId: number }[];
}

/** An open task (re-checked: `is_completed` false) as the usage rules read it. */
export interface OpenTask {
  id: number;
  owner: number;
  /** Plural API entity type (`leads`, `contacts` …); null when the task is linked to nothing. */
  entityType: string | null;
  entityId: number | null;
  completeTill: number;
}

/** A webhook as the audit keeps it: the destination without query or credentials (they may hold secrets). */
export interface WebhookView {
  id: number;
  destination: string;
  disabled: boolean;
}

/** Custom fields of the three audited entities. */
export interface FieldsByEntity {
  leads: CustomFieldDto[];
  contacts: CustomFieldDto[];
  companies: CustomFieldDto[];
}

/** Field groups of the three audited entities (gathered only when a document needs them). */
export interface GroupsByEntity {
  leads: FieldGroupDto[];
  contacts: FieldGroupDto[];
  companies: FieldGroupDto[];
}

/** The gathered parts. Every rule declares which of these it `requires`. */
export interface SnapshotParts {
  account: Part<AccountDto>;
  users: Part<UserDto[]>;
  roles: Part<RoleDto[]>;
  leadFields: Part<CustomFieldDto[]>;
  contactFields: Part<CustomFieldDto[]>;
  companyFields: Part<CustomFieldDto[]>;
  /** Optional: gathered for the configuration document only. */
  fieldGroups?: Part<GroupsByEntity>;
  pipelines: Part<PipelineDto[]>;
  /** Only the widgets with `is_active_in_account` true (the raw list is the marketplace). */
  widgets: Part<WidgetDto[]>;
  unsorted: Part<UnsortedSignal>;
  events: Part<EventSignal>;
  notes: Part<NoteSignal>;
  websiteButtons: Part<WebsiteButtonDto[]>;
  contacts: Part<ContactsView>;
  /** Number of companies; gathered with limit=1 when only existence matters. */
  companies: Part<{ total: number; exact: boolean }>;
  leads: Part<LeadsView>;
  /** Open tasks (one paged read of `filter[is_completed]=0`). */
  tasks: Part<OpenTask[]>;
  /** Webhooks of the account (admin only). */
  webhooks: Part<WebhookView[]>;
}

/** Names of the parts, for `requires` and for targeted re-gathering. */
export type PartName = keyof SnapshotParts;

/** Snapshot parts holding custom fields. */
export type FieldPartName = 'leadFields' | 'contactFields' | 'companyFields';

/** The three audited field entities and the part holding each one's fields, in the order shown everywhere. */
export const FIELD_PARTS: readonly { entity: FieldEntity; part: FieldPartName }[] = [
  { entity: 'leads', part: 'leadFields' },
  { entity: 'contacts', part: 'contactFields' },
  { entity: 'companies', part: 'companyFields' },
];

/** The part holding an entity's fields. */
export function fieldPartOf(entity: FieldEntity): FieldPartName {
  return FIELD_PARTS.find((f) => f.entity === entity)!.part;
}

/** Everything the audit reads, gathered once; plain JSON. */
export interface Snapshot {
  schemaVersion: 1;
  /** ISO 8601. Rules read time only from here. */
  takenAt: string;
  /** The signal window used while gathering, unix seconds. */
  window: { from: number; to: number; days: number };
  /** Where it came from (base URL without credentials; null in the browser). */
  origin: { baseUrl: string | null };
  parts: SnapshotParts;
  /**
   * Requests made; `byPart`: what each part that loaded cost (absent in snapshots saved before it was
   * kept), the next gathering's source for the time left.
   */
  requests: { count: number; retries: number; byPart?: Partial<Record<PartName, number>> };
}
