/**
 * Wire types of amoCRM REST API v4, exactly as the API returns them
 * (see shared/reference/amocrm-api-v4.md). Optional keys are optional here because
 * real accounts omit them; nullable keys are nullable because real accounts send null.
 * Unknown extra keys are tolerated everywhere (objects are open by structural typing).
 */

/** `_links` of any HAL object. */
export interface HalLinks {
  self?: { href: string };
  next?: { href: string };
  prev?: { href: string };
  first?: { href: string };
  last?: { href: string };
}

/** A HAL list envelope; meta keys differ by endpoint, so all are optional. */
export interface HalList<K extends string, T> {
  _total_items?: number;
  _page?: number;
  _page_count?: number;
  _links?: HalLinks;
  _embedded: { [key in K]: T[] };
}

/** Rights letters: A all, G group, M main (own), D denied; L linked (catalogs only). */
export type RightLetter = 'A' | 'G' | 'M' | 'D' | 'L';

/** Entity rights block of a user or role. */
export interface EntityRights {
  view?: RightLetter;
  edit?: RightLetter;
  add?: RightLetter;
  delete?: RightLetter;
  export?: RightLetter;
}

/** One per-status right (leads only). Unsorted statuses carry no `export`. */
export interface StatusRightDto {
  entity_type: 'leads' | string;
  pipeline_id: number;
  status_id: number;
  rights: { view?: RightLetter; edit?: RightLetter; delete?: RightLetter; export?: RightLetter };
}

/** Rights shared by roles and users. */
export interface RoleRightsDto {
  leads?: EntityRights;
  contacts?: EntityRights;
  companies?: EntityRights;
  tasks?: { edit?: RightLetter; delete?: RightLetter };
  mail_access?: boolean;
  catalog_access?: boolean;
  status_rights?: StatusRightDto[] | null;
  // Undocumented keys seen in real responses; tolerated, never required.
  files_access?: boolean;
  catalog_rights?: unknown[] | null;
  custom_fields_rights?: unknown;
  oper_day_reports_view_access?: boolean;
  oper_day_user_tracking?: boolean;
}

/** A user's rights: role rights plus the admin/free/active flags and role/group ids. */
export interface UserRightsDto extends RoleRightsDto {
  is_admin: boolean;
  is_free: boolean;
  is_active: boolean;
  group_id: number | null;
  role_id: number | null;
}

/** GET /api/v4/users item. */
export interface UserDto {
  id: number;
  name: string;
  email: string;
  lang?: string;
  rights: UserRightsDto;
  uuid?: string | null;
  amojo_id?: string | null;
  user_rank?: string;
  phone_number?: string;
  _links?: HalLinks;
  _embedded?: { roles?: { id: number; name: string }[]; groups?: { id: number; name: string }[] };
}

/** GET /api/v4/roles item. */
export interface RoleDto {
  id: number;
  name: string;
  rights: RoleRightsDto;
  _links?: HalLinks;
  _embedded?: { users?: { id: number }[] };
}

/** GET /api/v4/account (base fields plus `with=` extras). */
export interface AccountDto {
  id: number;
  name: string;
  subdomain: string;
  current_user_id: number;
  country?: string;
  currency?: string;
  currency_symbol?: string;
  customers_mode?: string;
  is_unsorted_on?: boolean;
  is_loss_reason_enabled?: boolean;
  is_helpbot_enabled?: boolean;
  is_technical_account?: boolean;
  /** With `with=is_api_filter_enabled`: whether list filters (the opt-in "Alpha" filtering) work at all. */
  is_api_filter_enabled?: boolean;
  contact_name_display_order?: number;
  language?: string;
  created_at?: number;
  amojo_id?: string;
  uuid?: string;
  version?: number;
  _links?: HalLinks;
  _embedded?: {
    users_groups?: { id: number; name: string; uuid?: string | null }[];
    task_types?: { id: number; name: string; color: string | null; icon_id: number | null; code: string }[];
    amojo_rights?: { can_direct: boolean; can_create_groups: boolean };
    datetime_settings?: Record<string, string>;
  };
}

/** Custom field types documented for v4. */
export const FIELD_TYPES = [
  'text',
  'numeric',
  'checkbox',
  'select',
  'multiselect',
  'date',
  'url',
  'textarea',
  'radiobutton',
  'streetaddress',
  'smart_address',
  'birthday',
  'legal_entity',
  'date_time',
  'price',
  'category',
  'items',
  'tracking_data',
  'linked_entity',
  'chained_list',
  'monetary',
  'file',
  'payer',
  'supplier',
  'multitext',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** An option of a list field. */
export interface EnumDto {
  id: number;
  value: string;
  sort: number;
  code?: string | null;
}

/** A stage a field is required at (always a lead pipeline stage for leads/contacts/companies). */
export interface RequiredStatusDto {
  status_id: number;
  pipeline_id: number;
}

/** Entities whose custom fields the audit reads. */
/** The entities that have custom fields (and rights blocks), in the order the product shows them. */
export const FIELD_ENTITIES = ['leads', 'contacts', 'companies'] as const;
export type FieldEntity = (typeof FIELD_ENTITIES)[number];

/** GET /api/v4/{entity}/custom_fields item. */
export interface CustomFieldDto {
  id: number;
  name: string;
  type: FieldType | string;
  code: string | null;
  sort: number;
  entity_type: FieldEntity | string;
  account_id?: number;
  is_predefined: boolean;
  is_deletable: boolean;
  is_api_only?: boolean;
  group_id: string | null;
  enums: EnumDto[] | null;
  /** Older accounts send null, newer `[]`; both mean "required nowhere". */
  required_statuses: RequiredStatusDto[] | null;
  hidden_statuses?: RequiredStatusDto[] | null;
  remind?: string | null;
  currency?: string | null;
  chained_lists?: unknown[] | null;
  tracking_callback?: string | null;
  search_in?: string | null;
  triggers?: unknown[];
  is_computed?: boolean;
  settings?: unknown;
  _links?: HalLinks;
}

/** GET /api/v4/{entity}/custom_fields/groups item. */
export interface FieldGroupDto {
  id: string;
  name: string;
  sort: number;
  entity_type: string;
  is_predefined: boolean;
  type: 'custom_field_group' | 'linked_group' | string;
  fields?: number[];
  _links?: HalLinks;
}

/** Status type: 0 normal (incl. 142/143), 1 unsorted. */
export type StatusType = 0 | 1;

/** Won and lost statuses have these ids in every pipeline. */
export const STATUS_WON = 142;
export const STATUS_LOST = 143;

/** A pipeline stage. */
export interface StatusDto {
  id: number;
  name: string;
  sort: number;
  is_editable: boolean;
  pipeline_id: number;
  color: string;
  type: StatusType | number;
  account_id?: number;
  _links?: HalLinks;
  descriptions?: unknown[];
}

/** GET /api/v4/leads/pipelines item. */
export interface PipelineDto {
  id: number;
  name: string;
  sort: number;
  is_main: boolean;
  is_unsorted_on: boolean;
  is_archive: boolean;
  account_id?: number;
  _links?: HalLinks;
  _embedded: { statuses: StatusDto[] };
}

/** A field of a widget's settings modal. */
export interface WidgetSettingDto {
  key: string;
  name: string;
  type: 'text' | 'pass' | 'custom' | 'users' | 'users_lp' | string;
  is_required: boolean;
}

/** GET /api/v4/widgets item. */
export interface WidgetDto {
  id: number;
  code: string;
  version: string;
  rating?: string | number;
  settings_template: WidgetSettingDto[] | null;
  is_lead_source: boolean;
  is_work_with_dp: boolean;
  is_crm_template: boolean;
  client_uuid: string | null;
  is_active_in_account: boolean;
  pipeline_id: number | null;
  settings?: Record<string, unknown>;
  _links?: HalLinks;
}

/** Unsorted categories. */
export type UnsortedCategory = 'sip' | 'mail' | 'forms' | 'chats';

/** GET /api/v4/leads/unsorted item. Metadata types are loose in real data. */
export interface UnsortedDto {
  uid: string;
  source_uid: string | null;
  source_name: string;
  category: UnsortedCategory | string;
  pipeline_id: number;
  created_at: number;
  metadata: Record<string, unknown>;
  account_id?: number;
  _links?: HalLinks;
  _embedded?: { contacts?: { id: number }[]; companies?: { id: number }[]; leads?: { id: number }[] };
}

/** GET /api/v4/leads/unsorted/summary. */
export interface UnsortedSummaryDto {
  total: number;
  accepted: number;
  declined: number;
  average_sort_time: number;
  categories: Partial<Record<UnsortedCategory, { total: number }>>;
}

/** GET /api/v4/events item. */
export interface EventDto {
  id: string;
  type: string;
  entity_id: number;
  entity_type: string;
  created_by: number;
  created_at: number;
  value_after: unknown[];
  value_before: unknown[];
  account_id?: number;
  _links?: HalLinks;
  _embedded?: { entity?: { id: number } };
}

/** GET /api/v4/{entity}/notes item. */
export interface NoteDto {
  id: number;
  entity_id: number;
  created_by: number;
  updated_by?: number;
  created_at: number;
  updated_at: number;
  responsible_user_id: number;
  group_id?: number;
  note_type: string;
  params: Record<string, unknown> | null;
  account_id?: number;
  _links?: HalLinks;
}

/** GET /api/v4/website_buttons item. */
export interface WebsiteButtonDto {
  account_id: number;
  source_id: number;
  button_id: number;
  is_duplication_control_enabled: boolean;
  name: string;
  creation_status: 'created' | 'creation_pending' | string;
  pipeline_id: number | null;
  script?: string | null;
}

/** GET /api/v4/sources item (only the calling integration's own sources). */
export interface SourceDto {
  id: number;
  name: string;
  pipeline_id: number;
  external_id: string;
  default: boolean;
  origin_code: string | null;
  services?: unknown[];
  _links?: HalLinks;
}

/** A value of a custom field on an entity. */
export interface FieldValueDto {
  field_id: number;
  field_name?: string;
  field_code?: string | null;
  field_type?: string;
  values: { value: unknown; enum_id?: number; enum_code?: string | null }[];
}

/** GET /api/v4/contacts item. */
export interface ContactDto {
  id: number;
  name: string;
  first_name?: string;
  last_name?: string;
  responsible_user_id: number;
  group_id?: number;
  created_by?: number;
  updated_by?: number;
  created_at?: number;
  updated_at?: number;
  is_deleted?: boolean;
  custom_fields_values: FieldValueDto[] | null;
  account_id?: number;
  _links?: HalLinks;
  _embedded?: Record<string, unknown>;
}

/** GET /api/v4/companies item. */
export interface CompanyDto {
  id: number;
  name: string;
  responsible_user_id: number;
  group_id?: number;
  created_at?: number;
  updated_at?: number;
  is_deleted?: boolean;
  custom_fields_values: FieldValueDto[] | null;
  account_id?: number;
  _links?: HalLinks;
}

/** GET /api/v4/leads item. */
export interface LeadDto {
  id: number;
  name: string;
  price: number | null;
  responsible_user_id: number;
  group_id?: number;
  status_id: number;
  pipeline_id: number;
  loss_reason_id?: number | null;
  source_id?: number | null;
  created_by?: number;
  updated_by?: number;
  created_at?: number;
  updated_at?: number;
  closed_at?: number | null;
  /** The nearest task to be done; null when none (the official client reads ≤ 0 as none too). */
  closest_task_at?: number | null;
  is_deleted?: boolean;
  custom_fields_values: FieldValueDto[] | null;
  account_id?: number;
  _links?: HalLinks;
  /** `contacts` only with `with=contacts`; `loss_reason` only with `with=loss_reason` (an array of one, or an object). */
  _embedded?: {
    contacts?: { id: number; is_main?: boolean }[];
    loss_reason?: LossReasonDto[] | LossReasonDto | null;
    companies?: { id: number }[];
    [key: string]: unknown;
  };
}

/** GET /api/v4/leads/loss_reasons item (also embedded in a lead with `with=loss_reason`). */
export interface LossReasonDto {
  id: number;
  name: string;
  sort?: number;
  created_at?: number;
  updated_at?: number;
  _links?: HalLinks;
}

/** GET /api/v4/tasks item. `result` is an empty array when there is none; `entity_type` is plural. */
export interface TaskDto {
  id: number;
  created_by?: number;
  updated_by?: number;
  created_at?: number;
  updated_at?: number;
  responsible_user_id: number;
  group_id?: number;
  entity_id?: number | null;
  entity_type?: string | null;
  duration?: number;
  is_completed: boolean;
  task_type_id?: number;
  text?: string;
  result?: { text?: string } | unknown[];
  complete_till: number;
  account_id?: number;
  _links?: HalLinks;
}

/** GET /api/v4/webhooks item (admin only; the list has no paging, at most 100 hooks). */
export interface WebhookDto {
  id: number;
  destination: string;
  created_at?: number;
  updated_at?: number;
  account_id?: number;
  created_by?: number;
  sort?: number;
  /** True when the server switched the hook off after too many invalid answers. */
  disabled: boolean;
  settings?: string[];
}

/** problem+json error body; `validation-errors` on 400 for bad writes. */
export interface ProblemDto {
  title?: string;
  type?: string;
  status?: number;
  detail?: string;
  retry_after?: number;
  trace_id?: string;
  'validation-errors'?: { request_id?: string; errors: { code: string; path: string; detail: string }[] }[];
}
