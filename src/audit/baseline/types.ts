import type { FieldEntity, RightLetter } from '../../api/dto';
import type { Lang } from '../../i18n/langs';

/** A text in every product language (src/i18n/langs.ts); a file may omit all but ru and en (see validate.ts). */
export type LocalizedText = Record<Lang, string>;

/** Field types a baseline may ask to create (the creatable subset of API v4 types). */
export const BASELINE_FIELD_TYPES = [
  'text',
  'numeric',
  'checkbox',
  'select',
  'multiselect',
  'radiobutton',
  'date',
  'url',
  'textarea',
  'date_time',
] as const;
/** A field type a baseline may ask to create. */
export type BaselineFieldType = (typeof BASELINE_FIELD_TYPES)[number];

/** Types whose values are options (`enums`); the API needs at least one option to create them. */
export const LIST_FIELD_TYPES: readonly string[] = ['select', 'multiselect', 'radiobutton'];

/** What a baseline field is for, when a rule or fix looks it up by purpose rather than by key. */
export type FieldPurpose = 'lead-source' | 'loss-reason';

/** A recommended custom field. */
export interface BaselineField {
  /** Stable reference used by the required-field matrix, e.g. `source`. */
  key: string;
  entity: FieldEntity;
  name: LocalizedText;
  type: BaselineFieldType;
  /** Options of a list field, in order. */
  options?: LocalizedText[];
  purpose?: FieldPurpose;
}

/** One row of the required-field matrix: a field becomes mandatory from a working stage on, or at a closing status. */
export type RequiredFieldRule = { field: string; fromWorkingStage: number } | { field: string; atStatus: 142 | 143 };

/** Rights of one entity in the manager role. */
export interface BaselineEntityRights {
  view: RightLetter;
  edit: RightLetter;
  add: RightLetter;
  delete: RightLetter;
  export: RightLetter;
}

/** Rights the baseline recommends for the manager (seller) role. */
export interface BaselineManagerRights {
  leads: BaselineEntityRights;
  contacts: BaselineEntityRights;
  companies: BaselineEntityRights;
  tasks: { edit: RightLetter; delete: RightLetter };
  mail_access: boolean;
}

/** Numbers the "In use" rules compare against; shares are 0..1 of the population the rule judges. */
export interface UsageThresholds {
  /** Fewest open leads the open-lead rules judge (below it they are not-applicable: nothing to judge yet). */
  minOpenLeads: number;
  /** Share of open leads that may have no open task. */
  leadsWithoutTaskShare: number;
  /** Share of open tasks that may be overdue. */
  overdueTaskShare: number;
  /** Days past `complete_till` before an open task counts as overdue. */
  overdueDays: number;
  /** Share of open leads that may be idle. */
  idleLeadShare: number;
  /** Days without an update after which an open lead is idle. */
  idleDays: number;
  /** Share of open leads that may have no linked contact. */
  leadsWithoutContactShare: number;
  /** Hours an item may wait in unsorted after it arrived. */
  unsortedHours: number;
  /** Share of the window's new leads one user may own. */
  ownerShare: number;
  /** Fewest active non-admin users for the owner share to be judged. */
  ownerMinUsers: number;
}

/** Defaults of the usage thresholds (issue 17): a baseline file may leave out any of them. */
export const DEFAULT_USAGE: UsageThresholds = {
  minOpenLeads: 10,
  leadsWithoutTaskShare: 0.2,
  overdueTaskShare: 0.1,
  overdueDays: 1,
  idleLeadShare: 0.2,
  idleDays: 14,
  leadsWithoutContactShare: 0.1,
  unsortedHours: 24,
  ownerShare: 0.6,
  ownerMinUsers: 3,
};

/** Numbers the rules compare against. */
export interface BaselineThresholds {
  /** Admins allowed regardless of team size. */
  maxAdmins: number;
  /** Share of active users that may be admins in a large team (0..1); the larger limit wins. */
  maxAdminShare: number;
  /** Days before `takenAt` in which activity signals count. */
  signalWindowDays: number;
  /** Allowed number of working stages in an active pipeline. */
  stageCount: { min: number; max: number };
  /** The "In use" area's thresholds (absent keys in a file take DEFAULT_USAGE). */
  usage: UsageThresholds;
}

/** Bounds of one run against the API; each is optional in a baseline file and defaults to DEFAULT_LIMITS. */
export interface BaselineLimits {
  /** Longest `Retry-After` waited out, seconds; a 429 asking for more fails its part at once. */
  maxRetryAfterSeconds: number;
  /** Overall time budget of one audit, minutes; parts not read by then fail as `deadline`. */
  auditDeadlineMinutes: number;
}

/** Defaults of the limits: a minute of Retry-After, half an hour per audit. */
export const DEFAULT_LIMITS: BaselineLimits = { maxRetryAfterSeconds: 60, auditDeadlineMinutes: 30 };

/** A best-practice baseline: data that the user can export, edit and import. */
export interface Baseline {
  id: string;
  version: string;
  name: LocalizedText;
  /** Working stages in order, and the new name of status 142. */
  pipeline: { stages: LocalizedText[]; won: LocalizedText };
  fields: BaselineField[];
  requiredFields: RequiredFieldRule[];
  managerRights: BaselineManagerRights;
  thresholds: BaselineThresholds;
  /** Run bounds; absent keys take DEFAULT_LIMITS. */
  limits?: Partial<BaselineLimits>;
}
