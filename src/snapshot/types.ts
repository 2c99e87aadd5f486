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
    | 'unknown';
  status: number | null;
  message: string;
  /** For `banned`: the wait the server named, ms (absent when it named none; the ban's length is undocumented). */
  retryAfterMs?: number;
}

/** A gathered part: either its data or the failure that replaced it (never thrown). */
export type Part<T> = { data: T } | { error: PartFailure };

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
  /** False when the page was full and still inside the window (more may exist). */
  complete: boolean;
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

/** Open leads (status not 142/143) counted by owner. */
export interface OpenLeadsView {
  total: number;
  byOwner: Record<string, number>;
  /** Open leads per stage, keyed `pipelineId:statusId` (a configuration document renames only empty stages). */
  byStage?: Record<string, number>;
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
  openLeads: Part<OpenLeadsView>;
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
